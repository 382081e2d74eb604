import { DeleteAllResponse, type EnvironmentName, isLiveJobStatus } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import { ArrowRight, RefreshCw } from "lucide-react";
import { Button, buttonVariants } from "@/components/ui/button";
import { ResetResult } from "@/features/environments/components/reset-result";
import { JobOutcome } from "@/features/jobs/components/job-outcome";
import { JobProgress } from "@/features/jobs/components/job-progress";
import { JobStepsDisclosure } from "@/features/jobs/components/job-steps-disclosure";
import { isWaiting, useJob } from "@/lib/job-requests";

export interface ResetJobProps {
  environment: { name: string; kind: EnvironmentName };
  jobId: string;
  /** Back to the reset page, to preview (and reset) again. */
  onBack: () => void;
}

/** The dev reset as it runs: each step with its `done`/`total`, then the result and what was kept. */
export function ResetJob({ environment, jobId, onBack }: ResetJobProps) {
  const env = environment.name;
  const { data: job } = useJob(env, jobId);
  const live = isLiveJobStatus(job.status);
  const result = DeleteAllResponse.safeParse(job.result?.body).data;
  const jobLink = (
    <Link
      to="/$env/jobs/$jobId"
      params={{ env, jobId }}
      className={buttonVariants({ variant: "link", className: "justify-self-start px-0" })}
    >
      The job's own page
      <ArrowRight aria-hidden="true" />
    </Link>
  );
  const back = (
    <Button variant="outline" onClick={onBack}>
      <RefreshCw aria-hidden="true" />
      Back to the reset page
    </Button>
  );
  if (isWaiting(job.status)) {
    // Waiting for a second approver (where the api needs one): nothing runs until then.
    return (
      <div className="grid gap-3">
        <JobOutcome environment={env} job={job} targetNoun="environment" />
        {jobLink}
      </div>
    );
  }
  if (live) {
    return (
      <div className="grid gap-3">
        <JobProgress job={job} title={`Resetting ${env}…`} progressLabel={`Resetting ${env}`} showStatus />
        {jobLink}
      </div>
    );
  }
  return (
    <div className="grid gap-6">
      <JobOutcome environment={env} job={job} targetNoun="environment" />
      {result ? (
        <>
          <ResetResult environment={environment} result={result} actions={back} />
          <JobStepsDisclosure job={job} />
        </>
      ) : (
        <>
          {back}
          <JobProgress job={job} />
        </>
      )}
      {jobLink}
    </div>
  );
}
