import type { JobStep, JobTargetType } from "@cleanup/shared";
import { Circle, CircleCheck, CircleX, MinusCircle } from "lucide-react";
import type * as React from "react";
import { useEffect, useState } from "react";
import { Progress } from "@/components/ui/progress";
import { Spinner } from "@/components/ui/spinner";
import { formatDuration, formatNumber, formatUtc } from "@/lib/format";
import { stepLabel, stepUnit } from "@/lib/job-words";
import { cn } from "@/lib/utils";

const icons: Record<JobStep["status"], React.ReactNode> = {
  pending: <Circle aria-hidden="true" className="size-4 text-muted-foreground" />,
  running: <Spinner className="text-primary" />,
  done: <CircleCheck aria-hidden="true" className="size-4 text-success" />,
  failed: <CircleX aria-hidden="true" className="size-4 text-destructive" />,
  skipped: <MinusCircle aria-hidden="true" className="size-4 text-muted-foreground" />,
};

/** Milliseconds since `iso`, rendered again every second while `live`. */
function useSince(iso: string | null, live: boolean): number | null {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, [live]);
  return iso ? Math.max(0, Date.now() - Date.parse(iso)) : null;
}

function StepTiming({ step }: { step: JobStep }) {
  const running = step.status === "running";
  const elapsed = useSince(step.startedAt, running);
  if (!step.startedAt) return null;
  const took = step.endedAt ? Date.parse(step.endedAt) - Date.parse(step.startedAt) : elapsed;
  return (
    <span className="text-xs text-muted-foreground tabular-nums">
      <time dateTime={step.startedAt} title={step.startedAt}>
        {formatUtc(step.startedAt).slice(11)}
      </time>
      {took !== null && (
        <> · {running ? `running for ${formatDuration(took)}` : `took ${formatDuration(took)}`}</>
      )}
    </span>
  );
}

/** `done`/`total` as words and a bar, when the step counts units (events, objects, rows). */
function StepCount({ step, unit, label }: { step: JobStep; unit: string | null; label: string }) {
  if (step.total === null || step.done === null) return null;
  // A step that is one action reports 1 of 1: its status says all.
  if (unit === null && step.total <= 1) return null;
  const words = `${formatNumber(step.done)} of ${formatNumber(step.total)}${unit ? ` ${unit}` : ""}`;
  return (
    <div className="grid gap-1 sm:col-span-2">
      <Progress
        aria-label={label}
        value={step.done}
        max={Math.max(step.total, 1)}
        valueText={words}
        tone={step.status === "failed" ? "destructive" : step.status === "done" ? "success" : "default"}
      />
      <span className="text-xs text-muted-foreground tabular-nums">{words}</span>
    </div>
  );
}

export interface JobStepsProps {
  steps: JobStep[];
  targetType: JobTargetType;
  className?: string;
}

/**
 * Every step of a job as it runs: its status, `done` of `total` with a bar where it counts units,
 * when it started and how long it took, and the api's line on what it did.
 */
export function JobSteps({ steps, targetType, className }: JobStepsProps) {
  return (
    <ol aria-label="Steps" className={cn("grid gap-2", className)}>
      {steps.map((step, i) => {
        const label = stepLabel(targetType, step.name);
        return (
          <li
            key={step.name}
            aria-label={`Step ${i + 1}: ${label}, ${step.status}`}
            aria-current={step.status === "running" ? "step" : undefined}
            className={cn(
              "grid gap-x-3 gap-y-1.5 rounded-md border px-3 py-2.5 sm:grid-cols-[1.25rem_1fr_auto]",
              step.status === "running" && "border-primary/50 bg-accent/40",
              step.status === "failed" && "border-destructive/50 bg-destructive-muted",
            )}
          >
            <span className="hidden pt-0.5 sm:block">{icons[step.status]}</span>
            <div className="grid min-w-0 gap-0.5">
              <span className="text-sm font-medium">
                <span className="mr-2 sm:hidden">{icons[step.status]}</span>
                {label} <code className="ml-1 text-xs font-normal text-muted-foreground">{step.name}</code>
              </span>
              {step.detail && (
                <span
                  className={cn(
                    "text-xs break-words",
                    step.status === "failed" ? "text-destructive" : "text-muted-foreground",
                  )}
                >
                  {step.detail}
                </span>
              )}
            </div>
            <div className="grid justify-items-start gap-0.5 sm:justify-items-end">
              <span className="text-xs font-semibold">{step.status}</span>
              <StepTiming step={step} />
            </div>
            <div className="hidden sm:block" />
            <StepCount step={step} unit={stepUnit(targetType, step.name)} label={label} />
          </li>
        );
      })}
    </ol>
  );
}
