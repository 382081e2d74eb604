import { isLiveJobStatus, type Job } from "@cleanup/shared";
import { SectionCard } from "@/components/section-card";
import { Progress } from "@/components/ui/progress";
import { stepLabel } from "@/lib/job-words";
import { JobStatusBadge } from "./job-status-badge";
import { JobSteps } from "./job-steps";

/** "Step 3 of 7: Archive the events… (running)", for the bar and the live announcement. */
function whereItIs(job: Job): string {
  const { done, total } = job.progress;
  const current = job.steps.find((s) => s.status === "running" || s.status === "failed");
  if (!isLiveJobStatus(job.status)) return `${done} of ${total} steps finished; ${job.status}`;
  if (!current) return `${done} of ${total} steps done; ${job.status}`;
  const index = job.steps.indexOf(current) + 1;
  return `Step ${index} of ${total}: ${stepLabel(job.target.type, current.name)} (${current.status})`;
}

/** A job's steps as they run, under one bar for the whole job; changes are announced politely. */
export function JobProgress({
  job,
  title = "Steps",
  progressLabel = "Job progress",
  showStatus = false,
}: {
  job: Job;
  title?: string;
  /** The whole job's bar, by name. */
  progressLabel?: string;
  /** The status badge beside the title, where nothing else on the page shows it. */
  showStatus?: boolean;
}) {
  const live = isLiveJobStatus(job.status);
  const where = whereItIs(job);
  return (
    <SectionCard
      title={title}
      description={
        live
          ? "Each step is recorded as it runs; this page follows it (and can be reloaded)."
          : "What the job ran, with its counts and times."
      }
      aside={showStatus ? <JobStatusBadge status={job.status} /> : undefined}
      contentClassName="grid gap-4"
    >
      <div className="grid gap-1.5">
        <Progress
          aria-label={progressLabel}
          value={job.progress.done}
          max={Math.max(job.progress.total, 1)}
          valueText={where}
          tone={job.status === "failed" ? "destructive" : job.status === "succeeded" ? "success" : "default"}
        />
        <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
          {where}
        </p>
      </div>
      <JobSteps steps={job.steps} targetType={job.target.type} />
    </SectionCard>
  );
}
