import { type DeletionMarker, isLiveJobStatus } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import { ArrowRight, CircleCheck, Hourglass, TriangleAlert } from "lucide-react";
import { WaitingJobNotice } from "@/components/jobs/waiting-job-notice";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { useJobWatch } from "@/lib/job-requests";
import { STATUS_LABELS, STEP_LABELS } from "@/lib/job-words";

export interface LiveJobNoticeProps {
  environment: string;
  /** The target read's `deletion`: a live job that holds it, or its last job that failed part-way. */
  marker: NonNullable<DeletionMarker>;
  /** "lock", "hub", "organization", "project key". */
  noun: string;
}

/**
 * On a target's page while a deletion job holds it: what the job is doing (followed with the job's
 * own backoff) and a link to its page — a job that has not run yet with its countdown (or its
 * approval) and Cancel; no second deletion is offered meanwhile. After a job that
 * failed part-way: that the target is frozen and how to finish.
 */
export function LiveJobNotice({ environment, marker, noun }: LiveJobNoticeProps) {
  const { data: job } = useJobWatch(environment, marker.jobId);
  const status = job?.status ?? marker.status;
  const link = (label: string) => (
    <Link
      to="/$env/jobs/$jobId"
      params={{ env: environment, jobId: marker.jobId }}
      className={buttonVariants({ variant: "outline", size: "sm", className: "w-fit" })}
    >
      {label}
      <ArrowRight aria-hidden="true" />
    </Link>
  );

  if (job && (job.status === "scheduled" || job.status === "awaiting-approval")) {
    return (
      <WaitingJobNotice environment={environment} job={job} noun={noun}>
        {link("Open the job")}
      </WaitingJobNotice>
    );
  }

  if (!isLiveJobStatus(status)) {
    // Cancelled: nothing happened to the target, and the cancel said so.
    if (status === "cancelled") return null;
    if (status === "failed" && (job?.partial ?? marker.status === "failed")) {
      return (
        <Alert variant="destructive" role="status" aria-label="Deletion job">
          <TriangleAlert aria-hidden="true" />
          <AlertTitle>The last deletion of this {noun} stopped part-way</AlertTitle>
          <AlertDescription>
            <p>
              Part of it is deleted and it is frozen, so nothing new is written to it. Delete it again below:
              the new job adopts the verified archive and finishes.
            </p>
            {link("Open the failed job")}
          </AlertDescription>
        </Alert>
      );
    }
    return (
      <Alert variant="success" role="status" aria-label="Deletion job">
        <CircleCheck aria-hidden="true" />
        <AlertTitle>The deletion job ended: {STATUS_LABELS[status].toLowerCase()}</AlertTitle>
        <AlertDescription>
          <p>What this page shows may be out of date. Its result is on the job's page.</p>
          {link("Open the job's result")}
        </AlertDescription>
      </Alert>
    );
  }

  const current = job?.steps.find((s) => s.status === "running");
  const where = job
    ? `${job.progress.done} of ${job.progress.total} steps done${current ? `; now: ${STEP_LABELS[current.name].toLowerCase()}` : ""}.`
    : null;
  const what = job?.action.startsWith("restore-") ? "restore" : "deletion";
  const title =
    job?.target.type === "environment"
      ? `A reset of the environment holds this ${noun}`
      : status === "scheduled"
        ? `A ${what} of this ${noun} is scheduled`
        : status === "awaiting-approval"
          ? `A ${what} of this ${noun} is waiting for approval`
          : `A ${what} of this ${noun} is ${status === "queued" ? "starting" : "running"}`;
  return (
    <Alert variant="warning" role="status" aria-label="Deletion job">
      <Hourglass aria-hidden="true" />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        {where && <p>{where}</p>}
        <p>No other deletion of it can start until this job ends.</p>
        {link("Follow the job")}
      </AlertDescription>
    </Alert>
  );
}
