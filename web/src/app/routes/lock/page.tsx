import { getRouteApi } from "@tanstack/react-router";
import { useDeleteLock } from "@/features/locks/api/delete-lock";
import { useLock } from "@/features/locks/api/get-lock";
import { LockDeletionPanel } from "@/features/locks/components/lock-deletion-panel";
import { LockOverview, LockTitle } from "@/features/locks/components/lock-overview";
import { deletionSearch } from "../deletion-search";
import { TargetDeletionPage } from "../target-deletion-page";
import { TargetHistory } from "../target-history";

const route = getRouteApi("/_authed/$env/locks/$lockId");

export function LockPage() {
  const { env, lockId } = route.useParams();
  const search = route.useSearch();
  const { environment } = route.useRouteContext();
  const { data: lock } = useLock(env, lockId);
  const deletion = useDeleteLock(env, lockId);
  const url = deletionSearch(search, route.useNavigate());
  return (
    <TargetDeletionPage
      env={env}
      noun="lock"
      marker={lock.deletion}
      title={<LockTitle environment={env} lockId={lockId} />}
      overview={<LockOverview environment={env} lockId={lockId} />}
      panel={
        <LockDeletionPanel
          environment={environment}
          lockId={lockId}
          options={{ mode: search.mode, cascadeDeleteKeys: search.cascadeDeleteKeys }}
          onOptionsChange={url.setOptions}
          previewRequested={url.previewRequested}
          onPreviewRequested={url.requestPreview}
          deletion={deletion}
        />
      }
      history={<TargetHistory env={env} type="lock" id={lockId} noun="lock" />}
    />
  );
}
