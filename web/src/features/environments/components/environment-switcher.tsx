import type { SessionResponse } from "@cleanup/shared";

export interface EnvironmentSwitcherProps {
  current: string;
  environments: SessionResponse["environments"];
  onSwitch: (environment: string) => void;
}

/** Offered only when the session may use more than one environment. */
export function EnvironmentSwitcher({ current, environments, onSwitch }: EnvironmentSwitcherProps) {
  if (environments.length < 2) return null;
  return (
    <select
      aria-label="Switch environment"
      className="h-8 max-w-36 rounded-md border border-input bg-card px-2 text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
      value={current}
      onChange={(e) => onSwitch(e.target.value)}
    >
      {environments.map((e) => (
        <option key={e.name} value={e.name}>
          {e.name === e.kind ? e.name : `${e.name} (${e.kind})`}
        </option>
      ))}
    </select>
  );
}
