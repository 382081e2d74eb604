import { cva, type VariantProps } from "class-variance-authority";
import type * as React from "react";
import { cn } from "@/lib/utils";

const indicatorVariants = cva(
  "h-full rounded-full transition-[width] duration-500 motion-reduce:transition-none",
  {
    variants: {
      tone: {
        default: "bg-primary",
        success: "bg-success",
        destructive: "bg-destructive",
        muted: "bg-muted-foreground/50",
      },
    },
    defaultVariants: { tone: "default" },
  },
);

export interface ProgressProps
  extends Omit<React.ComponentProps<"div">, "role">,
    VariantProps<typeof indicatorVariants> {
  value: number;
  max: number;
  /** What the bar says to a screen reader, e.g. "1,000 of 4,203 events". */
  valueText?: string;
}

/**
 * A determinate progress bar (`role="progressbar"` with its value): name it with `aria-label`.
 *
 * @example <Progress aria-label="Delete the events" value={1000} max={4203} valueText="1,000 of 4,203 events" />
 */
export function Progress({ value, max, valueText, tone, className, ...props }: ProgressProps) {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div
      data-slot="progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
      className={cn("relative h-2 w-full overflow-hidden rounded-full bg-muted", className)}
      {...props}
    >
      <div className={indicatorVariants({ tone })} style={{ width: `${share * 100}%` }} />
    </div>
  );
}
