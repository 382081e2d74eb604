import type { Job } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import { CalendarClock, UserCheck, XCircle } from "lucide-react";
import type * as React from "react";
import { ErrorAlert } from "@/components/errors/error-alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { useCancelJob } from "@/lib/job-requests";
import { jobTitle } from "@/lib/job-words";
import { Countdown } from "./countdown";

/**
 * Cancel of a job that has not run yet: nothing is deleted, a toast says so, and what the job held
 * is read again. Named for what it cancels, so a list of them reads apart.
 */
export function CancelJobButton({
  environment,
  job,
  label,
}: {
  environment: string;
  job: Pick<Job, "jobId" | "status" | "action" | "target" | "options">;
  /** The visible words; the accessible name adds the job's title. */
  label?: string;
}) {
  const cancel = useCancelJob(environment, job.jobId);
  const words = label ?? (job.status === "scheduled" ? "Cancel scheduled deletion" : "Cancel request");
  return (
    <div className="grid justify-items-start gap-2">
      <Button
        variant="outline"
        size="sm"
        onClick={() => cancel.mutate()}
        disabled={cancel.isPending || cancel.isSuccess}
        aria-label={`${words}: ${jobTitle(job)}`}
      >
        <XCircle aria-hidden="true" />
        {words}
      </Button>
      {cancel.error && <ErrorAlert error={cancel.error} title="Could not cancel" />}
    </div>
  );
}

export interface WaitingJobNoticeProps {
  environment: string;
  /** A job that is `scheduled` or `awaiting-approval`. */
  job: Job;
  /** "lock", "hub", "environment": what the job acts on, in words. */
  noun: string;
  /** More ways on (the job's page, from a target page). */
  children?: React.ReactNode;
}

/**
 * A deletion (or restore) that has not run yet: scheduled, with its countdown and Cancel, or waiting
 * for a second staff member, with when the request expires, Cancel and a link to the approvals page.
 * Shown wherever the job is: its page, its target's page, the approvals page.
 */
export function WaitingJobNotice({ environment, job, noun, children }: WaitingJobNoticeProps) {
  const scheduled = job.status === "scheduled";
  return (
    <section
      aria-label={scheduled ? "Scheduled deletion" : "Waiting for approval"}
      className="grid gap-2 rounded-md border border-primary/40 bg-accent/40 p-3 text-sm"
    >
      <p className="flex flex-wrap items-center gap-2 font-medium">
        {scheduled ? (
          <CalendarClock aria-hidden="true" className="size-4" />
        ) : (
          <UserCheck aria-hidden="true" className="size-4" />
        )}
        {scheduled ? (
          <>
            {jobTitle(job)} is scheduled: runs <Countdown until={job.runAt} />
          </>
        ) : (
          <>
            {jobTitle(job)} waits for a second staff member to approve it
            {job.approval && (
              <span className="font-normal text-muted-foreground">
                (expires <Countdown until={job.approval.expiresAt} />)
              </span>
            )}
          </>
        )}
      </p>
      <p>
        {scheduled
          ? `Nothing has been deleted yet. When it runs it applies the plan it was scheduled with, and fails without deleting anything if the ${noun} changed.`
          : "Nothing has been done yet. Another staff member must read the plan and approve it; the person who asked cannot."}
      </p>
      <div className="flex flex-wrap items-start gap-2">
        <CancelJobButton
          environment={environment}
          job={job}
          label={scheduled ? "Cancel scheduled deletion" : "Cancel request"}
        />
        {!scheduled && (
          <Link
            to="/$env/approvals"
            params={{ env: environment }}
            className={buttonVariants({ variant: "outline", size: "sm" })}
          >
            Open approvals
          </Link>
        )}
        {children}
      </div>
    </section>
  );
}
