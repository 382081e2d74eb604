import { type ErrorComponentProps, Link, useParams } from "@tanstack/react-router";
import { ArchiveRestore, SearchX } from "lucide-react";
import { RouteErrorView } from "@/components/errors/route-error-view";
import { buttonVariants } from "@/components/ui/button";
import { DeletedTarget } from "@/features/audit/components/deleted-target";
import { isApiError } from "@/lib/api-client";
import { badParamOf } from "@/lib/route-params";
import { TargetHistory } from "./target-history";

type TargetParams = Partial<
  Record<"env" | "lockId" | "hubId" | "idOrg" | "projectName" | "keyName" | "id", string>
>;

/** What the page that failed shows, from the parameters its path has; `type` as the audit log files it. */
function describe(params: TargetParams): {
  noun: string;
  id: string;
  type: "lock" | "hub" | "organization" | "project-key" | null;
} {
  if (params.lockId) return { noun: "Lock", id: params.lockId, type: "lock" };
  if (params.hubId) return { noun: "Hub", id: params.hubId, type: "hub" };
  if (params.idOrg) return { noun: "Organization", id: params.idOrg, type: "organization" };
  if (params.projectName && params.keyName)
    return { noun: "Project key", id: `${params.projectName}/${params.keyName}`, type: "project-key" };
  return { noun: "Audit record", id: params.id ?? "", type: null };
}

function NotFound({ env, noun, id, error }: { env: string; noun: string; id: string; error: unknown }) {
  return (
    <section aria-labelledby="target-not-found" className="grid justify-items-start gap-3 py-10">
      <SearchX aria-hidden="true" className="size-8 text-muted-foreground" />
      <h1 id="target-not-found" className="text-2xl font-semibold tracking-tight">
        {noun} not found
      </h1>
      <p className="text-muted-foreground">
        There is no {noun.toLowerCase()} <code className="rounded bg-muted px-1">{id}</code> in {env}, and the
        audit log has no deletion of it.
      </p>
      {isApiError(error) && error.requestId && (
        <p className="text-xs text-muted-foreground">Request id: {error.requestId}</p>
      )}
      <Link
        to="/$env/search"
        params={{ env }}
        search={{ q: id }}
        className={buttonVariants({ variant: "outline" })}
      >
        Search for {id}
      </Link>
    </section>
  );
}

/** An address whose id cannot be one of this page's: said in a sentence, with a search for what was typed. */
function BadAddress({ env, sentence, value }: { env: string; sentence: string; value: string }) {
  return (
    <section aria-labelledby="bad-address" className="grid justify-items-start gap-3 py-10">
      <SearchX aria-hidden="true" className="size-8 text-muted-foreground" />
      <h1 id="bad-address" className="text-2xl font-semibold tracking-tight">
        This address names nothing
      </h1>
      <p className="text-muted-foreground">{sentence}</p>
      <Link
        to="/$env/search"
        params={{ env }}
        search={{ q: value.slice(0, 200) }}
        className={buttonVariants({ variant: "outline" })}
      >
        Search for “{value.slice(0, 60)}”
      </Link>
    </section>
  );
}

/**
 * The error view of a target's page (lock, hub, organization, project key, audit record): an id
 * that cannot be one is a sentence; a target that no longer exists says who deleted it, when and
 * why (from the audit log), with its history; anything else is the usual error.
 */
export function TargetErrorView(props: ErrorComponentProps) {
  const params = useParams({ strict: false }) as TargetParams;
  const env = params.env;
  const badParam = badParamOf(props.error);
  if (env && badParam) return <BadAddress env={env} sentence={badParam.message} value={badParam.value} />;
  if (!isApiError(props.error, 404) || !env) return <RouteErrorView {...props} />;
  const { noun, id, type } = describe(params);
  const notFound = <NotFound env={env} noun={noun} id={id} error={props.error} />;
  if (!type) return notFound;
  return (
    <div className="grid gap-6">
      <DeletedTarget environment={env} target={{ type, id }} noun={noun} notFound={notFound} />
      {(type === "lock" || type === "hub") && (
        <Link
          to="/$env/deleted/$targetType/$targetId"
          params={{ env, targetType: type, targetId: id }}
          className={buttonVariants({ variant: "default", className: "justify-self-start" })}
        >
          <ArchiveRestore aria-hidden="true" />
          Look up deleted {noun.toLowerCase()}: its archives, and restore
        </Link>
      )}
      <TargetHistory env={env} type={type} id={id} noun={noun.toLowerCase()} exists={false} />
    </div>
  );
}
