import { isLiveJobStatus } from "@cleanup/shared";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft, RotateCcw, Search } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { JobAuditRecords } from "@/features/audit/components/job-audit-records";
import { JobView } from "@/features/jobs/components/job-view";
import { useJob } from "@/lib/job-requests";
import { targetLink, targetTypeNames } from "@/lib/target-links";
import { jobResultView } from "./job-result";

const route = getRouteApi("/_authed/$env/jobs/$jobId");

export function JobPage() {
  const { env, jobId } = route.useParams();
  const { data: job } = useJob(env, jobId);
  const type = job.target.type;
  const noun = type === "environment" ? "environment" : targetTypeNames[type].one;
  const target = targetLink(env, job.target);
  // After a deletion the target is looked at again; after a restore it is back.
  const again = isLiveJobStatus(job.status) || job.action.startsWith("restore-") ? "" : " again";
  const [projectName] = type === "project-key" ? job.target.id.split("/") : [];
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
        auditRecords={<JobAuditRecords environment={env} jobId={job.jobId} count={job.auditIds.length} />}
        actions={
          type === "environment" ? (
            <Link to="/$env/reset" params={{ env }} className={buttonVariants({ variant: "outline" })}>
              <RotateCcw aria-hidden="true" />
              Open the reset page
            </Link>
          ) : (
            <>
              {target && (
                <Link {...target} className={buttonVariants({ variant: "outline" })}>
                  <RotateCcw aria-hidden="true" />
                  Open the {noun}
                  {again}
                </Link>
              )}
              {projectName && (
                <Link
                  to="/$env/search"
                  params={{ env }}
                  search={{ q: projectName }}
                  className={buttonVariants({ variant: "outline" })}
                >
                  <Search aria-hidden="true" />
                  Search the project's other keys
                </Link>
              )}
            </>
          )
        }
      />
    </div>
  );
}
