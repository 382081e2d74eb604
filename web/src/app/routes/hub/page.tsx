import { getRouteApi } from "@tanstack/react-router";
import { AggregateDeletionResult } from "@/components/deletion/aggregate-deletion-result";
import { PageTitle } from "@/components/page-title";
import { useDeleteHub } from "@/features/hubs/api/delete-hub";
import { HubDeletionPanel } from "@/features/hubs/components/hub-deletion-panel";
import { HubOverview, HubTitle } from "@/features/hubs/components/hub-overview";
import { deletionSearch } from "../deletion-search";
import { ReopenTargetButton, TargetDeletionPage } from "../target-deletion-page";
import { TargetHistory } from "../target-history";

const route = getRouteApi("/_authed/$env/hubs/$hubId");

export function HubPage() {
  const { env, hubId } = route.useParams();
  const search = route.useSearch();
  const { environment } = route.useRouteContext();
  const deletion = useDeleteHub(env, hubId);
  const url = deletionSearch(search, route.useNavigate(), deletion);
  return (
    <TargetDeletionPage
      env={env}
      title={<HubTitle environment={env} hubId={hubId} />}
      overview={<HubOverview environment={env} hubId={hubId} />}
      panel={
        <HubDeletionPanel
          environment={environment}
          hubId={hubId}
          options={{ mode: search.mode }}
          onOptionsChange={url.setOptions}
          previewRequested={url.previewRequested}
          onPreviewRequested={url.requestPreview}
          deletion={deletion}
        />
      }
      history={<TargetHistory env={env} type="hub" id={hubId} noun="hub" exists={!deletion.data} />}
      resultTitle={<PageTitle eyebrow="Hub">{hubId}</PageTitle>}
      result={
        deletion.data && (
          <AggregateDeletionResult
            environment={env}
            noun="Hub"
            targetId={deletion.data.hubId}
            result={deletion.data}
            actions={<ReopenTargetButton noun="hub" onClick={url.reopen} />}
          />
        )
      }
    />
  );
}
