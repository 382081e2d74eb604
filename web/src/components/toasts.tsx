import { lazy, Suspense, useSyncExternalStore } from "react";
// biome-ignore lint/style/noRestrictedImports: its Toaster comes through lib/toast.ts
import type { ToasterProps } from "sonner";
import { loadSonner, onToastsWanted, toastsWanted } from "@/lib/toast";

const Toaster = lazy(() => loadSonner().then((m) => ({ default: m.Toaster })));

/**
 * sonner's Toaster, mounted once the first toast is asked for (`lib/toast.ts`): until then no page
 * loads sonner's code. Takes the Toaster's own props.
 */
export function Toasts(props: ToasterProps) {
  const wanted = useSyncExternalStore(onToastsWanted, toastsWanted, () => false);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <Toaster {...props} />
    </Suspense>
  );
}
