import { DeletionMode } from "@cleanup/shared";
import { useId } from "react";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Switch } from "@/components/ui/switch";
import type { LockDeletionOptions } from "../api/preview-lock-deletion";

const modes: Record<DeletionMode, { title: string; description: string }> = {
  DELETE_DO_ONLY: {
    title: "Reset the Durable Object (DELETE_DO_ONLY)",
    description:
      "Removes the DO instance's state and keeps the events in R2. The next access rebuilds the state from them.",
  },
  DELETE_DO_AND_EVENTS: {
    title: "Delete for good (DELETE_DO_AND_EVENTS)",
    description:
      "Archives every event, then deletes the events, the DO state and the lock's D1 entries. Cannot be undone.",
  },
};

export interface LockDeletionOptionsFormProps {
  value: LockDeletionOptions;
  onChange: (value: LockDeletionOptions) => void;
  disabled?: boolean;
}

export function LockDeletionOptionsForm({ value, onChange, disabled }: LockDeletionOptionsFormProps) {
  const ids = { mode: useId(), cascade: useId(), cascadeHint: useId() };
  const cascadeApplies = value.mode === "DELETE_DO_AND_EVENTS";
  return (
    <div className="grid gap-5">
      <fieldset className="grid gap-3" disabled={disabled}>
        <legend id={ids.mode} className="mb-3 text-sm font-medium">
          Deletion mode
        </legend>
        <RadioGroup
          aria-labelledby={ids.mode}
          value={value.mode}
          onValueChange={(mode) => onChange({ ...value, mode: DeletionMode.parse(mode) })}
          disabled={disabled}
        >
          {DeletionMode.options.map((mode) => (
            <div
              key={mode}
              className="flex items-start gap-3 rounded-md border p-3 has-[[data-state=checked]]:border-primary has-[[data-state=checked]]:bg-accent/50"
            >
              <RadioGroupItem
                value={mode}
                id={`${ids.mode}-${mode}`}
                className="mt-0.5"
                aria-describedby={`${ids.mode}-${mode}-desc`}
              />
              <div className="grid gap-1">
                <Label htmlFor={`${ids.mode}-${mode}`}>{modes[mode].title}</Label>
                <p id={`${ids.mode}-${mode}-desc`} className="text-xs text-muted-foreground">
                  {modes[mode].description}
                </p>
              </div>
            </div>
          ))}
        </RadioGroup>
      </fieldset>

      <div className="flex items-start gap-3">
        <Switch
          id={ids.cascade}
          className="mt-0.5"
          checked={value.cascadeDeleteKeys}
          onCheckedChange={(cascadeDeleteKeys) => onChange({ ...value, cascadeDeleteKeys })}
          aria-describedby={ids.cascadeHint}
          disabled={disabled}
        />
        <div className="grid gap-1">
          <Label htmlFor={ids.cascade}>Also delete key assignments (cascadeDeleteKeys)</Label>
          <p id={ids.cascadeHint} className="text-xs text-muted-foreground">
            {cascadeApplies
              ? value.cascadeDeleteKeys
                ? "The lock's key_assignments rows are deleted with it."
                : "The lock's key_assignments rows stay, pointing at a lock that no longer exists."
              : "Only applies to DELETE_DO_AND_EVENTS: DELETE_DO_ONLY keeps every D1 row."}
          </p>
        </div>
      </div>
    </div>
  );
}
