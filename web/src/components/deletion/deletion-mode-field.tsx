import { DeletionMode } from "@cleanup/shared";
import { useId } from "react";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";

export interface DeletionModeFieldProps {
  value: DeletionMode;
  onChange: (mode: DeletionMode) => void;
  /** What each mode does to this kind of target, in a sentence or two. */
  descriptions: Record<DeletionMode, string>;
  disabled?: boolean;
}

const titles: Record<DeletionMode, string> = {
  DELETE_DO_ONLY: "Reset the Durable Object (DELETE_DO_ONLY)",
  DELETE_DO_AND_EVENTS: "Delete for good (DELETE_DO_AND_EVENTS)",
};

/** The deletion mode of an event-sourced aggregate (lock or hub), as a labelled radio group. */
export function DeletionModeField({ value, onChange, descriptions, disabled }: DeletionModeFieldProps) {
  const id = useId();
  return (
    <fieldset className="grid gap-3" disabled={disabled}>
      <legend id={id} className="mb-3 text-sm font-medium">
        Deletion mode
      </legend>
      <RadioGroup
        aria-labelledby={id}
        value={value}
        onValueChange={(mode) => onChange(DeletionMode.parse(mode))}
        disabled={disabled}
      >
        {DeletionMode.options.map((mode) => (
          <div
            key={mode}
            className="flex items-start gap-3 rounded-md border p-3 has-[[data-state=checked]]:border-primary has-[[data-state=checked]]:bg-accent/50"
          >
            <RadioGroupItem
              value={mode}
              id={`${id}-${mode}`}
              className="mt-0.5"
              aria-describedby={`${id}-${mode}-desc`}
            />
            <div className="grid gap-1">
              <Label htmlFor={`${id}-${mode}`}>{titles[mode]}</Label>
              <p id={`${id}-${mode}-desc`} className="text-xs text-muted-foreground">
                {descriptions[mode]}
              </p>
            </div>
          </div>
        ))}
      </RadioGroup>
    </fieldset>
  );
}
