import type { Job } from "@cleanup/shared";
import { JobSteps } from "./job-steps";

/** An ended job's steps with their counts and times, folded under its result (which lists them too). */
export function JobStepsDisclosure({ job }: { job: Job }) {
  return (
    <details className="group rounded-lg border bg-card p-4">
      <summary className="cursor-pointer text-sm font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
        Each step with its counts and times
      </summary>
      <JobSteps steps={job.steps} targetType={job.target.type} className="mt-4" />
    </details>
  );
}
