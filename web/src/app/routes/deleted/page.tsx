import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { buttonVariants } from "@/components/ui/button";
import { archivesQueryOptions } from "@/features/restore/api/list-archives";
import { targetExistsQueryOptions } from "@/features/restore/api/target-exists";
import { DeletedBy } from "@/features/restore/components/deleted-by";
import { RestorePanel } from "@/features/restore/components/restore-panel";
import { BackToSearch } from "../back-to-search";
import { TargetHistory } from "../target-history";

const route = getRouteApi("/_authed/$env/deleted/$targetType/$targetId");

/** A deleted lock or hub, by its id: who deleted it, its archives and jobs, and the restore of one archive. */
export function DeletedTargetPage() {
  const { env, targetType, targetId } = route.useParams();
  const { archive: chosen } = route.useSearch();
  const { environment } = route.useRouteContext();
  const archives = useSuspenseQuery(archivesQueryOptions(env, targetType, targetId)).data.items;
  const exists = useSuspenseQuery(targetExistsQueryOptions(env, targetType, targetId)).data;
  const archive = exists
    ? undefined
    : (archives.find((a) => a.id === chosen && a.restorable) ?? archives.find((a) => a.restorable));
  const noun = targetType === "lock" ? "Lock" : "Hub";
  return (
    <div className="grid gap-6">
      <BackToSearch env={env} />
      <h1 className="text-2xl font-semibold tracking-tight">
        {exists ? noun : `Deleted ${noun.toLowerCase()}`} <span className="font-mono">{targetId}</span>
      </h1>
      <DeletedBy environment={env} targetType={targetType} targetId={targetId} />
      {exists && !archive && (
        <p className="text-sm">
          This {targetType} exists in {env}: it can be restored only once it is gone.{" "}
          <Link
            className={buttonVariants({ variant: "link" })}
            {...(targetType === "lock"
              ? { to: "/$env/locks/$lockId", params: { env, lockId: targetId } }
              : { to: "/$env/hubs/$hubId", params: { env, hubId: targetId } })}
          >
            Open the {targetType}
          </Link>
        </p>
      )}
      {archives.length === 0 && (
        <p className="text-muted-foreground">
          No archive of {targetType} {targetId} in {env}: it was never deleted for good, or this is not its
          id.
        </p>
      )}
      {archive && <RestorePanel key={archive.id} environment={environment} archive={archive} />}
      <TargetHistory env={env} type={targetType} id={targetId} noun={targetType} exists={exists} />
    </div>
  );
}
