import { isLiveJobStatus } from "@cleanup/shared";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft, RotateCcw } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { useJob } from "@/features/jobs/api/get-job";
import { JobView } from "@/features/jobs/components/job-view";
import { targetLink, targetTypeNames } from "@/lib/target-links";
import { jobResultView } from "./job-result";

const route = getRouteApi("/_authed/$env/jobs/$jobId");

export function JobPage() {
  const { env, jobId } = route.useParams();
  const { data: job } = useJob(env, jobId);
  const type = job.target.type;
  const noun = type === "environment" ? "environment" : targetTypeNames[type].one;
  const target = targetLink(env, job.target);
  const again = isLiveJobStatus(job.status) ? "" : " again";
  return (
    <div className="grid gap-6">
      <Link
        to="/$env/jobs"
        params={{ env }}
        className={buttonVariants({ variant: "link", className: "justify-self-start px-0" })}
      >
        <ArrowLeft aria-hidden="true" />
        All jobs
      </Link>
      <JobView
        environment={env}
        job={job}
        targetNoun={noun}
        result={jobResultView(env, job)}
        actions={
          type === "environment" ? (
            <Link to="/$env/reset" params={{ env }} className={buttonVariants({ variant: "outline" })}>
              <RotateCcw aria-hidden="true" />
              Open the reset page
            </Link>
          ) : (
            target && (
              <Link {...target} className={buttonVariants({ variant: "outline" })}>
                <RotateCcw aria-hidden="true" />
                Open the {noun}
                {again}
              </Link>
            )
          )
        }
      />
    </div>
  );
}
