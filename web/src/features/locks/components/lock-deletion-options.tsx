import { useId } from "react";
import { DeletionModeField } from "@/components/deletion/deletion-mode-field";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import type { LockDeletionOptions } from "../api/preview-lock-deletion";

const descriptions = {
  DELETE_DO_ONLY:
    "Removes the DO instance's state and keeps the events in R2. The next access rebuilds the state from them.",
  DELETE_DO_AND_EVENTS:
    "Archives every event, then deletes the events, the DO state and the lock's D1 entries. Cannot be undone.",
};

export interface LockDeletionOptionsFormProps {
  value: LockDeletionOptions;
  onChange: (value: LockDeletionOptions) => void;
  disabled?: boolean;
}

export function LockDeletionOptionsForm({ value, onChange, disabled }: LockDeletionOptionsFormProps) {
  const ids = { cascade: useId(), cascadeHint: useId() };
  const cascadeApplies = value.mode === "DELETE_DO_AND_EVENTS";
  return (
    <div className="grid gap-5">
      <DeletionModeField
        value={value.mode}
        onChange={(mode) => onChange({ ...value, mode })}
        descriptions={descriptions}
        disabled={disabled}
      />

      <div className="flex items-start gap-3">
        <Switch
          id={ids.cascade}
          className="mt-0.5"
          checked={value.cascadeDeleteKeys}
          onCheckedChange={(cascadeDeleteKeys) => onChange({ ...value, cascadeDeleteKeys })}
          aria-describedby={ids.cascadeHint}
          // DO-only keeps every D1 row: the switch would do nothing, so it is off and says why.
          disabled={disabled || !cascadeApplies}
        />
        <div className="grid gap-1">
          <Label htmlFor={ids.cascade}>Also delete key assignments (cascadeDeleteKeys)</Label>
          <p id={ids.cascadeHint} className="text-xs text-muted-foreground">
            {cascadeApplies
              ? value.cascadeDeleteKeys
                ? "The lock's key_assignments rows are deleted with it."
                : "The lock's key_assignments rows stay, pointing at a lock that no longer exists."
              : "Not used by DELETE_DO_ONLY, which keeps every D1 row; it applies to DELETE_DO_AND_EVENTS."}
          </p>
        </div>
      </div>
    </div>
  );
}
