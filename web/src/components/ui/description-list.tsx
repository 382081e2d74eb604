import type * as React from "react";
import { cn } from "@/lib/utils";

/** A definition list laid out as a responsive grid of term/value pairs. */
export function DescriptionList({ className, ...props }: React.ComponentProps<"dl">) {
  return (
    <dl
      data-slot="description-list"
      className={cn("grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3", className)}
      {...props}
    />
  );
}

export function DescriptionItem({
  term,
  children,
  className,
}: {
  term: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div data-slot="description-item" className={cn("min-w-0", className)}>
      <dt className="text-xs font-medium text-muted-foreground uppercase tracking-wide">{term}</dt>
      <dd className="mt-0.5 break-words text-sm">{children}</dd>
    </div>
  );
}
