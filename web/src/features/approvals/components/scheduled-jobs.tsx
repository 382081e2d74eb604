import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { WaitingJobNotice } from "@/components/jobs/waiting-job-notice";
import { targetLink } from "@/lib/target-links";
import { scheduledJobsQueryOptions } from "../api/list-approvals";

/** Every deletion waiting for its time in this environment: target, countdown, Cancel. */
export function ScheduledJobs({ environment }: { environment: string }) {
  const scheduled = useQuery(scheduledJobsQueryOptions(environment));
  const items = scheduled.data ?? [];
  return (
    <section aria-labelledby="scheduled-title" className="grid gap-3">
      <h2 id="scheduled-title" className="text-lg font-semibold">
        Scheduled deletions
      </h2>
      {scheduled.isSuccess && items.length === 0 && (
        <p className="text-muted-foreground">No deletion is scheduled in {environment}.</p>
      )}
      <ul className="grid gap-2" aria-label="Scheduled deletions">
        {items.map((job) => (
          <li key={job.jobId} className="grid gap-1">
            <span className="text-sm">
              {job.target.type}{" "}
              <TargetName
                environment={environment}
                type={job.target.type}
                id={job.target.id}
                label={job.target.label}
              />{" "}
              — asked by {job.actor}
            </span>
            <WaitingJobNotice environment={environment} jobId={job.jobId} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function TargetName({
  environment,
  type,
  id,
  label,
}: {
  environment: string;
  type: string;
  id: string;
  label: string;
}) {
  const link = targetLink(environment, { type, id });
  return link ? (
    <Link className="underline" {...link}>
      {label}
    </Link>
  ) : (
    label
  );
}
