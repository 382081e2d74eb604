import type * as React from "react";
import { cn } from "@/lib/utils";

/**
 * Moves focus to the element with `targetId`. Not only the view: an SPA's in-page link would
 * otherwise change the URL's hash and leave focus where it was, so the next Tab starts from the top.
 */
export function focusTarget(targetId: string) {
  const target = document.getElementById(targetId);
  if (!target) return;
  if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) {
    target.setAttribute("tabindex", "-1");
  }
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "start" });
}

/**
 * A link that is only seen when focused and jumps past a block of controls to `targetId`.
 *
 * @example <SkipLink targetId="main">Skip to content</SkipLink>
 */
export function SkipLink({
  targetId,
  className,
  children,
  ...props
}: Omit<React.ComponentProps<"a">, "href"> & { targetId: string }) {
  return (
    <a
      href={`#${targetId}`}
      onClick={(event) => {
        event.preventDefault();
        focusTarget(targetId);
      }}
      className={cn(
        "sr-only rounded-md bg-card px-3 py-2 text-sm font-medium shadow ring-1 ring-border focus:not-sr-only focus:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
        className,
      )}
      {...props}
    >
      {children}
    </a>
  );
}
