import { type ErrorComponentProps, Link, useParams } from "@tanstack/react-router";
import { SearchX } from "lucide-react";
import { RouteErrorView } from "@/components/errors/route-error-view";
import { buttonVariants } from "@/components/ui/button";
import { isApiError } from "@/lib/api-client";

/** A job id that names no job (a mistyped link): said so, with the way to the job list. */
export function JobErrorView(props: ErrorComponentProps) {
  const params = useParams({ strict: false }) as { env?: string; jobId?: string };
  if (!isApiError(props.error, 404) || !params.env) return <RouteErrorView {...props} />;
  return (
    <section aria-labelledby="job-not-found" className="grid justify-items-start gap-3 py-10">
      <SearchX aria-hidden="true" className="size-8 text-muted-foreground" />
      <h1 id="job-not-found" className="text-2xl font-semibold tracking-tight">
        Job not found
      </h1>
      <p className="text-muted-foreground">
        There is no job <code className="rounded bg-muted px-1">{params.jobId}</code> in {params.env}.
      </p>
      <Link to="/$env/jobs" params={{ env: params.env }} className={buttonVariants({ variant: "outline" })}>
        All jobs
      </Link>
    </section>
  );
}
