import { getRouteApi } from "@tanstack/react-router";
import { RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useDeleteLock } from "@/features/locks/api/delete-lock";
import { LockDeletionPanel } from "@/features/locks/components/lock-deletion-panel";
import { LockDeletionResult } from "@/features/locks/components/lock-deletion-result";
import { LockOverview, LockTitle } from "@/features/locks/components/lock-overview";
import { BackToSearch } from "../back-to-search";

const route = getRouteApi("/_authed/$env/locks/$lockId");

export function LockPage() {
  const { env, lockId } = route.useParams();
  const search = route.useSearch();
  const { environment } = route.useRouteContext();
  const navigate = route.useNavigate();
  const deletion = useDeleteLock(env, lockId);

  if (deletion.data) {
    return (
      <div className="grid gap-6">
        <BackToSearch env={env} />
        <h1 className="text-2xl font-semibold tracking-tight">Lock {lockId}</h1>
        <LockDeletionResult
          environment={env}
          lockId={lockId}
          result={deletion.data}
          actions={
            <Button
              variant="outline"
              onClick={() => {
                deletion.reset();
                void navigate({ search: (prev) => ({ ...prev, preview: false }), replace: true });
              }}
            >
              <RotateCcw aria-hidden="true" />
              Open the lock again
            </Button>
          }
        />
      </div>
    );
  }

  return (
    <div className="grid gap-6">
      <BackToSearch env={env} />
      <LockTitle environment={env} lockId={lockId} />
      <LockOverview environment={env} lockId={lockId} />
      <LockDeletionPanel
        environment={environment}
        lockId={lockId}
        options={{ mode: search.mode, cascadeDeleteKeys: search.cascadeDeleteKeys }}
        onOptionsChange={(options) =>
          void navigate({ search: (prev) => ({ ...prev, ...options }), replace: true })
        }
        previewRequested={search.preview}
        onPreviewRequested={() =>
          void navigate({ search: (prev) => ({ ...prev, preview: true }), replace: true })
        }
        deletion={deletion}
      />
    </div>
  );
}
