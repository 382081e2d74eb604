import { getRouteApi } from "@tanstack/react-router";
import { AggregateDeletionResult } from "@/components/deletion/aggregate-deletion-result";
import { useDeleteLock } from "@/features/locks/api/delete-lock";
import { LockDeletionPanel } from "@/features/locks/components/lock-deletion-panel";
import { LockOverview, LockTitle } from "@/features/locks/components/lock-overview";
import { deletionSearch } from "../deletion-search";
import { ReopenTargetButton, TargetDeletionPage } from "../target-deletion-page";
import { TargetHistory } from "../target-history";

const route = getRouteApi("/_authed/$env/locks/$lockId");

export function LockPage() {
  const { env, lockId } = route.useParams();
  const search = route.useSearch();
  const { environment } = route.useRouteContext();
  const deletion = useDeleteLock(env, lockId);
  const url = deletionSearch(search, route.useNavigate(), deletion);
  return (
    <TargetDeletionPage
      env={env}
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
      history={<TargetHistory env={env} type="lock" id={lockId} noun="lock" exists={!deletion.data} />}
      resultTitle={<h1 className="text-2xl font-semibold tracking-tight">Lock {lockId}</h1>}
      result={
        deletion.data && (
          <AggregateDeletionResult
            environment={env}
            noun="Lock"
            targetId={deletion.data.lockId}
            result={deletion.data}
            actions={<ReopenTargetButton noun="lock" onClick={url.reopen} />}
          />
        )
      }
    />
  );
}
