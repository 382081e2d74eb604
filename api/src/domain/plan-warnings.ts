import type { PlanWarning } from "@cleanup/shared";

const RECENT_MS = 24 * 60 * 60 * 1000;

function describeAgo(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} minute(s) ago`;
  return `${Math.round(minutes / 60)} hour(s) ago`;
}

/** A warning when the target had events in the last 24 hours: it may still be in use. */
export function recentActivityWarning(lastEventAt: string | null, now: number): PlanWarning | null {
  if (!lastEventAt) return null;
  const age = now - Date.parse(lastEventAt);
  if (!(age < RECENT_MS)) return null;
  return {
    code: "RECENT_ACTIVITY",
    message: `Last event ${describeAgo(age)}: the target may still be in use`,
  };
}
