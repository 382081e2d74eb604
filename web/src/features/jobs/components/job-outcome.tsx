import type { Job, JobStep } from "@cleanup/shared";
import { Ban, CircleX, TriangleAlert } from "lucide-react";
import type * as React from "react";
import { WaitingJobNotice } from "@/components/jobs/waiting-job-notice";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { DESTRUCTIVE_STEPS, STEP_LABELS } from "@/lib/job-words";

const names = (steps: JobStep[]) => steps.map((s) => STEP_LABELS[s.name]?.toLowerCase() ?? s.name).join(", ");

function StepLists({ job }: { job: Job }) {
  const ran = job.steps.filter((s) => s.status === "done");
  const notRun = job.steps.filter((s) => s.status === "skipped" || s.status === "pending");
  return (
    <ul className="list-disc pl-5">
      <li>Done: {ran.length > 0 ? names(ran) : "nothing"}.</li>
      {notRun.length > 0 && <li>Not run: {names(notRun)}.</li>}
    </ul>
  );
}

/** The archive the job wrote (or adopted), from its archive step's line. */
function archivePath(job: Job): string | null {
  const line = job.steps.find((s) => s.name === "archive" && s.status === "done")?.detail ?? "";
  return line.match(/archives\/\S+\.ndjson/)?.[0] ?? null;
}

function Callout({
  variant,
  icon,
  title,
  children,
}: {
  variant: "warning" | "destructive" | "default";
  icon: React.ReactNode;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <Alert variant={variant} role="status">
      {icon}
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>{children}</AlertDescription>
    </Alert>
  );
}

/** A restore that failed: nothing written (the archive or the target refused it), or events written back and no rows yet. */
function RestoreFailure({
  job,
  targetNoun,
  message,
  failedStep,
}: {
  job: Job;
  targetNoun: string;
  message: string;
  failedStep: string | null;
}) {
  const at = failedStep ? <>at “{failedStep}”</> : "before it wrote anything";
  if (job.partial) {
    return (
      <Callout
        variant="destructive"
        icon={<TriangleAlert aria-hidden="true" />}
        title="The restore stopped part-way"
      >
        <p>
          It failed {at}: {message}. Some of the events are back, but the {targetNoun} is not readable until
          its rows are. Restore the same archive again: the new job finishes it.
        </p>
        <StepLists job={job} />
      </Callout>
    );
  }
  const title =
    job.result?.httpStatus === 412
      ? `The ${targetNoun} or its archive changed since the preview`
      : job.result?.httpStatus === 422
        ? "The archive cannot be restored"
        : "The restore failed";
  return (
    <Callout
      variant="destructive"
      icon={<CircleX aria-hidden="true" />}
      title={`${title}; nothing was restored`}
    >
      <p>
        It stopped {at}: {message}. Nothing was written.
      </p>
      <StepLists job={job} />
    </Callout>
  );
}

/**
 * What a job that is waiting, failed or was cancelled means for the data, and what to do next: a
 * waiting one shows its countdown (or its approval) and Cancel; a refusal or a failure before the first destructive step deleted nothing; a part-deleted target
 * stays frozen with its verified archive, and the next deletion finishes it. Nothing for a job that
 * is running or succeeded: its steps and result say it.
 */
export function JobOutcome({
  environment,
  job,
  targetNoun,
}: {
  environment: string;
  job: Job;
  targetNoun: string;
}) {
  if (job.status === "scheduled" || job.status === "awaiting-approval") {
    return <WaitingJobNotice environment={environment} job={job} noun={targetNoun} />;
  }
  const decision = job.approval?.decision;
  if (job.status === "cancelled") {
    return decision === "rejected" ? (
      <Callout variant="default" icon={<Ban aria-hidden="true" />} title="Rejected">
        <p>
          {job.approval?.decidedBy ?? "A staff member"} rejected it
          {job.approval?.reason ? <>: “{job.approval.reason}”</> : null}. Nothing was done.
        </p>
      </Callout>
    ) : (
      <Callout variant="default" icon={<Ban aria-hidden="true" />} title="Cancelled">
        <p>The job was stopped before it ran. Nothing was done.</p>
      </Callout>
    );
  }
  if (job.status !== "failed") return null;
  if (decision === "expired") {
    return (
      <Callout variant="warning" icon={<Ban aria-hidden="true" />} title="Expired unapproved">
        <p>Nobody approved it in time, so it never ran. Nothing was done; ask again if it is still needed.</p>
      </Callout>
    );
  }

  const httpStatus = job.result?.httpStatus;
  const message = job.error?.message ?? "no reason recorded";
  const failedStep = job.error?.step ? (STEP_LABELS[job.error.step] ?? job.error.step) : null;
  if (job.action.startsWith("restore-")) {
    return <RestoreFailure job={job} targetNoun={targetNoun} message={message} failedStep={failedStep} />;
  }
  const again =
    job.target.type === "environment"
      ? "Run the reset again from the reset page."
      : `Open the ${targetNoun}'s page, preview again and delete.`;
  if (httpStatus === 412 || httpStatus === 404) {
    return (
      <Callout
        variant="warning"
        icon={<TriangleAlert aria-hidden="true" />}
        title={
          httpStatus === 412
            ? `The ${targetNoun} changed since the preview`
            : `The ${targetNoun} was already gone`
        }
      >
        <p>The job checked the plan before deleting anything and stopped: nothing was deleted. {message}.</p>
        {httpStatus === 412 && <p>{again}</p>}
      </Callout>
    );
  }
  if (!job.partial) {
    return (
      <Callout
        variant="destructive"
        icon={<CircleX aria-hidden="true" />}
        title="The deletion failed; nothing was deleted"
      >
        <p>
          It stopped {failedStep ? <>at “{failedStep}”</> : "before its first destructive step"}: {message}.
          No destructive step ran, and the {targetNoun} can be written to again.
        </p>
        <StepLists job={job} />
        <p>{again}</p>
      </Callout>
    );
  }
  const deleted = job.steps.filter((s) => s.status === "done" && DESTRUCTIVE_STEPS.includes(s.name));
  const archive = archivePath(job);
  return (
    <Callout
      variant="destructive"
      icon={<TriangleAlert aria-hidden="true" />}
      title="The deletion stopped part-way"
    >
      <p>
        It failed {failedStep ? <>at “{failedStep}”</> : "mid-way"}: {message}. Already deleted:{" "}
        {deleted.length > 0 ? names(deleted) : "part of the step that failed"}.
      </p>
      <StepLists job={job} />
      <p>
        {job.target.type === "environment"
          ? "The environment is part-emptied. Run the reset again to finish it."
          : `The ${targetNoun} stays frozen, so nothing new is written to it${archive ? "" : "."}`}
        {archive && (
          <>
            , and its verified archive <code className="text-xs break-all">{archive}</code> holds what was
            deleted.
          </>
        )}{" "}
        {job.target.type === "environment"
          ? null
          : `Delete the ${targetNoun} again from its page: the new job adopts the archive and finishes the deletion.`}
      </p>
    </Callout>
  );
}
