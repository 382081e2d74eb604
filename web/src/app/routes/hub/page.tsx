import { getRouteApi } from "@tanstack/react-router";
import { RotateCcw } from "lucide-react";
import { PageTitle } from "@/components/page-title";
import { Button } from "@/components/ui/button";
import { useDeleteHub } from "@/features/hubs/api/delete-hub";
import { HubDeletionPanel } from "@/features/hubs/components/hub-deletion-panel";
import { HubDeletionResult } from "@/features/hubs/components/hub-deletion-result";
import { HubOverview, HubTitle } from "@/features/hubs/components/hub-overview";
import { BackToSearch } from "../back-to-search";

const route = getRouteApi("/_authed/$env/hubs/$hubId");

export function HubPage() {
  const { env, hubId } = route.useParams();
  const search = route.useSearch();
  const { environment } = route.useRouteContext();
  const navigate = route.useNavigate();
  const deletion = useDeleteHub(env, hubId);

  if (deletion.data) {
    return (
      <div className="grid gap-6">
        <BackToSearch env={env} />
        <PageTitle eyebrow="Hub">{hubId}</PageTitle>
        <HubDeletionResult
          environment={env}
          hubId={hubId}
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
              Open the hub again
            </Button>
          }
        />
      </div>
    );
  }

  return (
    <div className="grid gap-6">
      <BackToSearch env={env} />
      <HubTitle environment={env} hubId={hubId} />
      <HubOverview environment={env} hubId={hubId} />
      <HubDeletionPanel
        environment={environment}
        hubId={hubId}
        options={{ mode: search.mode }}
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
