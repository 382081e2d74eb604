import { Skeleton } from "@/components/ui/skeleton";

/** Shown while a page's data loads (after the router's pending delay). */
export function PagePending() {
  return (
    <div className="grid gap-4" role="status" aria-busy="true" aria-label="Loading">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-40" />
      <Skeleton className="h-64" />
    </div>
  );
}
