import { JwkDeleteAction } from "@cleanup/shared";
import { useId } from "react";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";

const actions: Record<JwkDeleteAction, { title: string; description: string }> = {
  NULLIFY: {
    title: "Clear the JWKs' reference (NULLIFY)",
    description: "JWKs created from this key stay, with their reference to it cleared.",
  },
  DELETE: {
    title: "Delete the JWKs (DELETE)",
    description: "JWKs created from this key are deleted with it. Anything still verifying with them fails.",
  },
};

export interface JwkDeleteActionFieldProps {
  value: JwkDeleteAction;
  onChange: (value: JwkDeleteAction) => void;
  disabled?: boolean;
}

/** What happens to the JWKs created from the key: `jwkDeleteAction`. */
export function JwkDeleteActionField({ value, onChange, disabled }: JwkDeleteActionFieldProps) {
  const id = useId();
  return (
    <fieldset className="grid gap-3" disabled={disabled}>
      <legend id={id} className="mb-3 text-sm font-medium">
        JWKs created from the key (jwkDeleteAction)
      </legend>
      <RadioGroup
        aria-labelledby={id}
        value={value}
        onValueChange={(next) => onChange(JwkDeleteAction.parse(next))}
        disabled={disabled}
      >
        {JwkDeleteAction.options.map((action) => (
          <div
            key={action}
            className="flex items-start gap-3 rounded-md border p-3 has-[[data-state=checked]]:border-primary has-[[data-state=checked]]:bg-accent/50"
          >
            <RadioGroupItem
              value={action}
              id={`${id}-${action}`}
              className="mt-0.5"
              aria-describedby={`${id}-${action}-desc`}
            />
            <div className="grid gap-1">
              <Label htmlFor={`${id}-${action}`}>{actions[action].title}</Label>
              <p id={`${id}-${action}-desc`} className="text-xs text-muted-foreground">
                {actions[action].description}
              </p>
            </div>
          </div>
        ))}
      </RadioGroup>
    </fieldset>
  );
}
