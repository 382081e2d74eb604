import { useState } from "react";

const PREFIX = "cleanup-console:reason:";

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage disabled: the reason simply is not kept
  }
}

/** The key a confirm dialog keeps its reason under: one per environment and target. */
export function keptReasonKey(environment: string, targetNoun: string, targetId: string): string {
  return `${PREFIX}${environment}:${targetNoun}:${targetId}`;
}

/**
 * A confirm dialog's reason, kept in this tab's sessionStorage under the target's key as it is
 * typed: when the session expires mid-confirm and the user signs in again (through the provider,
 * a full page round trip), the dialog opened again for the same target shows it still.
 *
 * @example
 * const [reason, setReason] = useKeptReason(keptReasonKey("dev", "lock", "1005"));
 */
export function useKeptReason(key: string): [string, (reason: string) => void] {
  const [reason, setReason] = useState(() => storage()?.getItem(key) ?? "");
  return [
    reason,
    (next) => {
      setReason(next);
      if (next) storage()?.setItem(key, next);
      else storage()?.removeItem(key);
    },
  ];
}

/** Forgets a kept reason: the user dismissed the dialog. */
export function forgetKeptReason(key: string): void {
  storage()?.removeItem(key);
}
