import type { Job } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import { useMemo } from "react";
import { DataTable, RowHeader } from "@/components/data-table";
import { ErrorAlert } from "@/components/errors/error-alert";
import { Countdown } from "@/components/jobs/countdown";
import { CancelJobButton } from "@/components/jobs/waiting-job-notice";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { TableCell } from "@/components/ui/table";
import { formatRelative, formatUtc } from "@/lib/format";
import { isWaiting } from "@/lib/job-requests";
import { jobTitle } from "@/lib/job-words";
import { targetLink } from "@/lib/target-links";
import { JOB_PAGE_SIZE, type JobFilters, useJobList } from "../api/list-jobs";
import { JobStatusBadge } from "./job-status-badge";

const link =
  "rounded font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50";

/**
 * When it runs or ran (a scheduled job's `runAt`, with its countdown; else its creation): the UTC
 * time, how long ago (or how long to go) below.
 */
function When({ job }: { job: Job }) {
  const scheduled = job.status === "scheduled";
  const iso = scheduled ? job.runAt : job.createdAt;
  return (
    <span className="grid">
      <time dateTime={iso} title={iso} className="whitespace-nowrap">
        {scheduled && <span className="text-muted-foreground">runs </span>}
        {formatUtc(iso).replace(" UTC", "")}
      </time>
      <span className="text-xs text-muted-foreground">
        {scheduled ? <Countdown until={iso} live={false} /> : formatRelative(iso)}
      </span>
    </span>
  );
}

/** The target by its type and id, linking to its page (the environment has none). */
function TargetCell({ environment, job }: { environment: string; job: Job }) {
  const to = targetLink(environment, job.target);
  const id = <code className="text-xs break-all">{job.target.id}</code>;
  return (
    <span className="block max-w-52">
      <span className="block text-xs text-muted-foreground">{job.target.type}</span>
      {to ? (
        <Link {...to} className={link} title={job.target.label}>
          {id}
        </Link>
      ) : (
        id
      )}
    </span>
  );
}

function StepsDone({ job }: { job: Job }) {
  const { done, total } = job.progress;
  return (
    <div className="grid min-w-24 gap-1">
      <Progress
        aria-label={`Progress of ${jobTitle(job)}`}
        value={done}
        max={Math.max(total, 1)}
        valueText={`${done} of ${total} steps`}
        tone={job.status === "failed" ? "destructive" : job.status === "succeeded" ? "success" : "default"}
      />
      <span className="text-xs text-muted-foreground tabular-nums">
        {done} of {total} steps
      </span>
    </div>
  );
}

export interface JobListProps {
  environment: string;
  filters: JobFilters;
  /** The table's name ("Jobs", "Jobs of this target"). */
  label?: string;
  /** Off where the page is the target's own. */
  showTarget?: boolean;
  pageSize?: number;
  /** Said in the table when no job matches. */
  empty?: string;
}

/**
 * Running and recent jobs, newest first, a page at a time; kept current while any is live. A job
 * that has not run yet shows its countdown and can be cancelled from its row.
 */
export function JobList({
  environment,
  filters,
  label = "Jobs",
  showTarget = true,
  pageSize = JOB_PAGE_SIZE,
  empty = "No jobs match these filters.",
}: JobListProps) {
  const list = useJobList(environment, filters, pageSize);
  const jobs = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  if (list.isError) return <ErrorAlert error={list.error} title="Could not list the jobs" />;
  if (list.isPending) {
    return (
      <div className="grid gap-2" aria-hidden="true">
        <Skeleton className="h-10" />
        <Skeleton className="h-40" />
      </div>
    );
  }
  return (
    <div className="grid gap-3">
      <DataTable
        aria-label={label}
        columns={[
          "Job",
          "Status",
          ...(showTarget ? ["Target"] : []),
          "Requested by",
          "When (UTC)",
          "Progress",
        ]}
        rows={jobs}
        rowKey={(job) => job.jobId}
        emptyRow={empty}
      >
        {(job) => (
          <>
            <RowHeader className="min-w-48 text-sm">
              <Link to="/$env/jobs/$jobId" params={{ env: environment, jobId: job.jobId }} className={link}>
                {jobTitle(job)}
              </Link>
            </RowHeader>
            <TableCell>
              <div className="grid justify-items-start gap-0.5">
                <JobStatusBadge status={job.status} />
                {job.status === "failed" && job.partial && (
                  <span className="text-xs text-destructive">part-deleted</span>
                )}
                {isWaiting(job.status) && (
                  <CancelJobButton environment={environment} job={job} label="Cancel" />
                )}
              </div>
            </TableCell>
            {showTarget && (
              <TableCell className="text-sm">
                <TargetCell environment={environment} job={job} />
              </TableCell>
            )}
            <TableCell className="text-sm whitespace-nowrap">{job.actor}</TableCell>
            <TableCell className="text-sm">
              <When job={job} />
            </TableCell>
            <TableCell>
              <StepsDone job={job} />
            </TableCell>
          </>
        )}
      </DataTable>
      {list.hasNextPage && (
        <Button
          variant="outline"
          className="justify-self-start"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage && <Spinner />}
          Load older jobs
        </Button>
      )}
    </div>
  );
}
