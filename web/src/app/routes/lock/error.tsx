import { type ErrorComponentProps, Link, useParams } from "@tanstack/react-router";
import { SearchX } from "lucide-react";
import { RouteErrorView } from "@/components/errors/route-error-view";
import { buttonVariants } from "@/components/ui/button";
import { isApiError } from "@/lib/api-client";

/** A lock that does not exist (or no longer does) is an answer, not a failure. */
export function LockErrorView(props: ErrorComponentProps) {
  const params = useParams({ strict: false });
  if (!isApiError(props.error, 404) || !params.env) return <RouteErrorView {...props} />;
  return (
    <section aria-labelledby="lock-not-found" className="grid justify-items-start gap-3 py-10">
      <SearchX aria-hidden="true" className="size-8 text-muted-foreground" />
      <h1 id="lock-not-found" className="text-2xl font-semibold tracking-tight">
        Lock not found
      </h1>
      <p className="text-muted-foreground">
        There is no lock <code className="rounded bg-muted px-1">{params.lockId}</code> in {params.env}. It
        may have been deleted.
      </p>
      {props.error.requestId && (
        <p className="text-xs text-muted-foreground">Request id: {props.error.requestId}</p>
      )}
      <Link to="/$env/search" params={{ env: params.env }} className={buttonVariants({ variant: "outline" })}>
        Search locks
      </Link>
    </section>
  );
}
