import type * as React from "react";

/** A page's h1 with the kind of thing it shows above it ("Hub", "Organization"). */
export function PageTitle({ eyebrow, children }: { eyebrow: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1">
      <p className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{eyebrow}</p>
      <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{children}</h1>
    </div>
  );
}
