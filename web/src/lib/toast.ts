// biome-ignore lint/style/noRestrictedImports: the one place that loads sonner
import type { ExternalToast } from "sonner";

type Sonner = typeof import("sonner");

let sonner: Promise<Sonner> | undefined;
const listeners = new Set<() => void>();

/**
 * sonner, loaded on the first toast rather than with every page: no page needs it to show, and it
 * is 9 KB of the first load (ADR 025). `<Toasts>` mounts its Toaster from then on.
 */
export function loadSonner(): Promise<Sonner> {
  if (!sonner) {
    // biome-ignore lint/style/noRestrictedImports: the one place that loads sonner
    sonner = import("sonner");
    for (const listener of listeners) listener();
  }
  return sonner;
}

/** For `useSyncExternalStore`: has anything asked for a toast yet? */
export const toastsWanted = () => sonner !== undefined;
export function onToastsWanted(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

type Kind = "success" | "error" | "info" | "warning";
const show =
  (kind: Kind) =>
  (message: string, data?: ExternalToast): void => {
    void loadSonner().then(({ toast }) => toast[kind](message, data));
  };

/**
 * sonner's `toast.success/error/info/warning`, shown once sonner has loaded (a toast made before
 * the Toaster mounts is replayed to it by sonner).
 *
 * @example toast.success("dev was reset", { description: "the seed is back" });
 */
export const toast = {
  success: show("success"),
  error: show("error"),
  info: show("info"),
  warning: show("warning"),
};
