import { getRouteApi } from "@tanstack/react-router";
import { Search } from "lucide-react";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { useDeleteProjectKey } from "@/features/project-keys/api/delete-project-key";
import { ProjectKeyDeletionPanel } from "@/features/project-keys/components/project-key-deletion-panel";
import { ProjectKeyDeletionResult } from "@/features/project-keys/components/project-key-deletion-result";
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
  const navigate = route.useNavigate();
  const deletion = useDeleteProjectKey(env, keyRef);
  const url = deletionSearch(search, navigate, deletion);
  return (
    <TargetDeletionPage
      env={env}
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
      resultTitle={<ProjectKeyTitle keyRef={keyRef} />}
      result={
        deletion.data && (
          <ProjectKeyDeletionResult
            environment={env}
            keyRef={keyRef}
            result={deletion.data}
            actions={
              <Button
                variant="outline"
                onClick={() =>
                  void navigate({ to: "/$env/search", params: { env }, search: { q: projectName } })
                }
              >
                <Search aria-hidden="true" />
                Search the project's other keys
              </Button>
            }
          />
        )
      }
    />
  );
}
