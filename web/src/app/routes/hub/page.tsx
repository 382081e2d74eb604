import { getRouteApi } from "@tanstack/react-router";
import { useDeleteHub } from "@/features/hubs/api/delete-hub";
import { useHub } from "@/features/hubs/api/get-hub";
import { HubDeletionPanel } from "@/features/hubs/components/hub-deletion-panel";
import { HubOverview, HubTitle } from "@/features/hubs/components/hub-overview";
import { deletionSearch } from "../deletion-search";
import { TargetDeletionPage } from "../target-deletion-page";
import { TargetHistory } from "../target-history";

const route = getRouteApi("/_authed/$env/hubs/$hubId");

export function HubPage() {
  const { env, hubId } = route.useParams();
  const search = route.useSearch();
  const { environment } = route.useRouteContext();
  const { data: hub } = useHub(env, hubId);
  const deletion = useDeleteHub(env, hubId);
  const url = deletionSearch(search, route.useNavigate());
  return (
    <TargetDeletionPage
      env={env}
      noun="hub"
      marker={hub.deletion}
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
      history={<TargetHistory env={env} type="hub" id={hubId} noun="hub" />}
    />
  );
}
