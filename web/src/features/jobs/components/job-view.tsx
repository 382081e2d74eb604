import { isLiveJobStatus, type Job } from "@cleanup/shared";
import type * as React from "react";
import { SectionCard } from "@/components/section-card";
import { jobTitle } from "@/lib/job-words";
import { JobFacts } from "./job-facts";
import { JobOutcome } from "./job-outcome";
import { JobProgress } from "./job-progress";
import { JobStatusBadge } from "./job-status-badge";
import { JobStepsDisclosure } from "./job-steps-disclosure";

export interface JobViewProps {
  environment: string;
  job: Job;
  /** "lock", "hub", "organization", "project key", "environment". */
  targetNoun: string;
  /**
   * The published answer once the job ended (operations, summary, duration, errors, audit link);
   * null when there is none to show, and the steps stand in for it.
   */
  result?: React.ReactNode;
  /** What to do from here: open the target again. */
  actions?: React.ReactNode;
  /** The job's audit records, as links (from the audit log). */
  auditRecords?: React.ReactNode;
}

/**
 * One deletion job on its own page: what it is, where it is, what it means (a failure or a wait in
 * words), its published result once it ended, and its details.
 */
export function JobView({ environment, job, targetNoun, result, actions, auditRecords }: JobViewProps) {
  const live = isLiveJobStatus(job.status);
  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <p className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
          {job.action.startsWith("restore-") ? "Restore job" : "Deletion job"}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{jobTitle(job)}</h1>
          <JobStatusBadge status={job.status} className="text-sm" />
        </div>
      </div>
      <JobOutcome environment={environment} job={job} targetNoun={targetNoun} />
      {live || !result ? (
        <>
          <JobProgress job={job} />
          {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
        </>
      ) : (
        <>
          {result}
          {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
          <JobStepsDisclosure job={job} />
        </>
      )}
      <SectionCard title="Details">
        <JobFacts environment={environment} job={job} auditRecords={auditRecords} />
      </SectionCard>
    </div>
  );
}
