import type { Job } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import type * as React from "react";
import { DateTime } from "@/components/date-time";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { formatDuration } from "@/lib/format";
import { describeOptions } from "@/lib/job-words";
import { targetLink } from "@/lib/target-links";
import { JobStatusBadge } from "./job-status-badge";

const link =
  "rounded text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50";

/** The target, as a link to its page when it has one (the environment has none). */
export function JobTargetLink({ environment, job }: { environment: string; job: Pick<Job, "target"> }) {
  const to = targetLink(environment, job.target);
  if (!to) return <span>{job.target.label}</span>;
  return (
    <Link {...to} className={link}>
      {job.target.label}
    </Link>
  );
}

/** Who asked for the job, what it acts on and with which options, when it ran, and its audit records. */
export function JobFacts({
  environment,
  job,
  auditRecords,
}: {
  environment: string;
  job: Job;
  /** The job's audit records (the intent, the outcome, the acts on it), as links. */
  auditRecords: React.ReactNode;
}) {
  const waits = job.status === "scheduled" || job.runAt !== job.createdAt;
  return (
    <DescriptionList aria-label="Job details">
      <DescriptionItem term="Status">
        <JobStatusBadge status={job.status} />
        {job.status === "failed" && job.partial && (
          <span className="ml-2 text-xs text-destructive">part-deleted</span>
        )}
      </DescriptionItem>
      <DescriptionItem term="Target">
        <span className="text-muted-foreground">{job.target.type} </span>
        <JobTargetLink environment={environment} job={job} />
        <code className="ml-1 text-xs text-muted-foreground">{job.target.id}</code>
      </DescriptionItem>
      <DescriptionItem term="Options">
        <code className="text-xs">{describeOptions(job.options)}</code>
      </DescriptionItem>
      <DescriptionItem term="Requested by">{job.actor}</DescriptionItem>
      <DescriptionItem term="Created">
        <DateTime iso={job.createdAt} />
      </DescriptionItem>
      {waits && (
        <DescriptionItem term="Runs at">
          <DateTime iso={job.runAt} />
        </DescriptionItem>
      )}
      <DescriptionItem term="Ended">
        <DateTime iso={job.endedAt} empty="not yet" />
      </DescriptionItem>
      <DescriptionItem term="Took">
        {job.endedAt ? formatDuration(Date.parse(job.endedAt) - Date.parse(job.createdAt)) : "—"}
      </DescriptionItem>
      <DescriptionItem term="Job id">
        <code className="text-xs select-all">{job.jobId}</code>
      </DescriptionItem>
      <DescriptionItem term="Audit records" className="sm:col-span-2 lg:col-span-3">
        {auditRecords}
      </DescriptionItem>
    </DescriptionList>
  );
}
