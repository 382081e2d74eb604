import { type ErrorComponentProps, Link, useParams } from "@tanstack/react-router";
import { SearchX } from "lucide-react";
import { RouteErrorView } from "@/components/errors/route-error-view";
import { buttonVariants } from "@/components/ui/button";
import { isApiError } from "@/lib/api-client";

type TargetParams = Partial<
  Record<"env" | "lockId" | "hubId" | "idOrg" | "projectName" | "keyName" | "id", string>
>;

/** What the page that failed shows, from the parameters its path has. */
function describe(params: TargetParams): { noun: string; id: string } {
  if (params.lockId) return { noun: "Lock", id: params.lockId };
  if (params.hubId) return { noun: "Hub", id: params.hubId };
  if (params.idOrg) return { noun: "Organization", id: params.idOrg };
  if (params.projectName && params.keyName)
    return { noun: "Project key", id: `${params.projectName}/${params.keyName}` };
  return { noun: "Audit record", id: params.id ?? "" };
}

/**
 * The error view of a target's page (lock, hub, organization, project key, audit record): one that
 * does not exist (or no longer does) is an answer, not a failure; anything else is the usual error.
 */
export function TargetErrorView(props: ErrorComponentProps) {
  const params = useParams({ strict: false }) as TargetParams;
  if (!isApiError(props.error, 404) || !params.env) return <RouteErrorView {...props} />;
  const { noun, id } = describe(params);
  return (
    <section aria-labelledby="target-not-found" className="grid justify-items-start gap-3 py-10">
      <SearchX aria-hidden="true" className="size-8 text-muted-foreground" />
      <h1 id="target-not-found" className="text-2xl font-semibold tracking-tight">
        {noun} not found
      </h1>
      <p className="text-muted-foreground">
        There is no {noun.toLowerCase()} <code className="rounded bg-muted px-1">{id}</code> in {params.env}.
        It may have been deleted.
      </p>
      <p className="text-sm text-muted-foreground">{props.error.message}</p>
      {props.error.requestId && (
        <p className="text-xs text-muted-foreground">Request id: {props.error.requestId}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Link
          to="/$env/search"
          params={{ env: params.env }}
          className={buttonVariants({ variant: "outline" })}
        >
          Search
        </Link>
        {(params.lockId || params.hubId) && (
          <Link
            to="/$env/deleted/$targetType/$targetId"
            params={{ env: params.env, targetType: params.lockId ? "lock" : "hub", targetId: id }}
            className={buttonVariants({ variant: "default" })}
          >
            Look up deleted {noun.toLowerCase()}: who deleted it, its archives, restore
          </Link>
        )}
      </div>
    </section>
  );
}
