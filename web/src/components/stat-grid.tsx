import type * as React from "react";
import { cn } from "@/lib/utils";

export interface StatGridProps {
  /** Accessible name of the list: "Hub counts"; none where a heading above names it. */
  label?: string;
  items: readonly (readonly [label: string, value: React.ReactNode])[];
  tone?: "default" | "delete" | "keep";
  className?: string;
}

/** Counts as a grid of labelled tiles (a definition list). */
export function StatGrid({ label, items, tone = "default", className }: StatGridProps) {
  return (
    <dl aria-label={label} className={cn("grid grid-cols-2 gap-2 sm:grid-cols-4", className)}>
      {items.map(([term, value]) => (
        <div
          key={term}
          className={cn(
            "rounded-md border px-3 py-2",
            tone === "delete"
              ? "bg-destructive-muted/40"
              : tone === "keep"
                ? "bg-success-muted/40"
                : "bg-card",
          )}
        >
          <dt className="text-xs text-muted-foreground">{term}</dt>
          <dd className="text-lg font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
