import { durationMs, ScheduleParam } from "@cleanup/shared";
import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";

/** The waiting periods offered, and "custom" (an ISO 8601 duration typed out). */
export const SCHEDULE_PRESETS = [
  { value: "PT10M", label: "10 minutes" },
  { value: "PT1H", label: "1 hour" },
  { value: "P1D", label: "1 day" },
  { value: "P7D", label: "7 days" },
] as const;

/** When a confirmed deletion runs: now, or after a waiting period (then it can be cancelled until it runs). */
export type ScheduleChoice = { when: "now" } | { when: "later"; preset: string; custom: string };

export const NOW: ScheduleChoice = { when: "now" };

/** The `schedule=` a choice sends, or null for "now"; `invalid` when the custom duration is not one the api takes. */
export function scheduleOf(choice: ScheduleChoice): string | null | "invalid" {
  if (choice.when === "now") return null;
  const value = choice.preset === "custom" ? choice.custom.trim().toUpperCase() : choice.preset;
  return ScheduleParam.safeParse(value).success ? value : "invalid";
}

/** "in 1 hour" for PT1H: the waiting period in words, for the dialog's button. */
export function describeDuration(iso: string): string {
  const ms = durationMs(iso) ?? 0;
  const preset = SCHEDULE_PRESETS.find((p) => p.value === iso);
  if (preset) return preset.label;
  const units: [number, string][] = [
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "minute"],
    [1000, "second"],
  ];
  const [size, unit] = units.find(([size]) => ms >= size && ms % size === 0) ?? [1000, "second"];
  const n = Math.round(ms / size);
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

export interface ScheduleFieldProps {
  value: ScheduleChoice;
  onChange: (choice: ScheduleChoice) => void;
  disabled?: boolean;
}

/**
 * "Delete now" or "Delete after…" a waiting period (10 min, 1 h, 1 day, 7 days, or a custom ISO 8601
 * duration up to P30D). A scheduled deletion applies the plan confirmed here when its time comes,
 * and fails, deleting nothing, if the target changed meanwhile.
 */
export function ScheduleField({ value, onChange, disabled }: ScheduleFieldProps) {
  const ids = {
    legend: useId(),
    preset: useId(),
    custom: useId(),
    customHint: useId(),
    now: useId(),
    later: useId(),
  };
  const later = value.when === "later" ? value : { when: "later" as const, preset: "PT1H", custom: "" };
  const invalid =
    value.when === "later" &&
    value.preset === "custom" &&
    value.custom !== "" &&
    scheduleOf(value) === "invalid";
  return (
    <fieldset className="grid gap-2" disabled={disabled}>
      <legend id={ids.legend} className="mb-2 text-sm font-medium">
        When
      </legend>
      <RadioGroup
        aria-labelledby={ids.legend}
        className="flex flex-wrap gap-4"
        value={value.when}
        onValueChange={(when) => onChange(when === "now" ? NOW : later)}
      >
        <div className="flex items-center gap-2">
          <RadioGroupItem value="now" id={ids.now} />
          <Label htmlFor={ids.now}>Delete now</Label>
        </div>
        <div className="flex items-center gap-2">
          <RadioGroupItem value="later" id={ids.later} />
          <Label htmlFor={ids.later}>Delete after…</Label>
        </div>
      </RadioGroup>
      {value.when === "later" && (
        <div className="grid gap-2 rounded-md border p-3">
          <Label htmlFor={ids.preset}>Waiting period</Label>
          <NativeSelect
            id={ids.preset}
            value={value.preset}
            onChange={(e) => onChange({ ...value, preset: e.target.value })}
          >
            {SCHEDULE_PRESETS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
            <option value="custom">Custom…</option>
          </NativeSelect>
          {value.preset === "custom" && (
            <>
              <Label htmlFor={ids.custom}>Custom waiting period (ISO 8601)</Label>
              <Input
                id={ids.custom}
                className="font-mono"
                placeholder="PT30M"
                autoComplete="off"
                spellCheck={false}
                value={value.custom}
                onChange={(e) => onChange({ ...value, custom: e.target.value })}
                aria-describedby={ids.customHint}
                aria-invalid={invalid || undefined}
              />
              <p
                id={ids.customHint}
                className={invalid ? "text-xs text-destructive" : "text-xs text-muted-foreground"}
              >
                {invalid ? "Not a waiting period the api takes: " : ""}e.g. PT30M, PT2H, P3D; above zero, at
                most P30D.
              </p>
            </>
          )}
          <p className="text-xs text-muted-foreground">
            Until then it can be cancelled from this page or the job list. When it runs it applies exactly
            this plan; if the target changed meanwhile, nothing is deleted.
          </p>
        </div>
      )}
    </fieldset>
  );
}
