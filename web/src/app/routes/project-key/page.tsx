import { getRouteApi } from "@tanstack/react-router";
import { useMemo } from "react";
import { useDeleteProjectKey } from "@/features/project-keys/api/delete-project-key";
import { useProjectKey } from "@/features/project-keys/api/get-project-key";
import { ProjectKeyDeletionPanel } from "@/features/project-keys/components/project-key-deletion-panel";
import { ProjectKeyOverview, ProjectKeyTitle } from "@/features/project-keys/components/project-key-overview";
import { deletionSearch } from "../deletion-search";
import { TargetDeletionPage } from "../target-deletion-page";
import { TargetHistory } from "../target-history";

const route = getRouteApi("/_authed/$env/projects/$projectName/keys/$keyName");

export function ProjectKeyPage() {
  const { env, projectName, keyName } = route.useParams();
  const keyRef = useMemo(() => ({ projectName, keyName }), [projectName, keyName]);
  const search = route.useSearch();
  const { environment } = route.useRouteContext();
  const { data: key } = useProjectKey(env, keyRef);
  const deletion = useDeleteProjectKey(env, keyRef);
  const url = deletionSearch(search, route.useNavigate());
  return (
    <TargetDeletionPage
      env={env}
      noun="project key"
      marker={key.deletion}
      title={<ProjectKeyTitle keyRef={keyRef} />}
      overview={<ProjectKeyOverview environment={env} keyRef={keyRef} />}
      panel={
        <ProjectKeyDeletionPanel
          environment={environment}
          keyRef={keyRef}
          options={{ jwkDeleteAction: search.jwkDeleteAction }}
          onOptionsChange={url.setOptions}
          previewRequested={url.previewRequested}
          onPreviewRequested={url.requestPreview}
          deletion={deletion}
        />
      }
      history={
        <TargetHistory env={env} type="project-key" id={`${projectName}/${keyName}`} noun="project key" />
      }
    />
  );
}
