import { getRouteApi } from "@tanstack/react-router";
import { Search } from "lucide-react";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { useDeleteProjectKey } from "@/features/project-keys/api/delete-project-key";
import { ProjectKeyDeletionPanel } from "@/features/project-keys/components/project-key-deletion-panel";
import { ProjectKeyDeletionResult } from "@/features/project-keys/components/project-key-deletion-result";
import { ProjectKeyOverview, ProjectKeyTitle } from "@/features/project-keys/components/project-key-overview";
import { BackToSearch } from "../back-to-search";

const route = getRouteApi("/_authed/$env/projects/$projectName/keys/$keyName");

export function ProjectKeyPage() {
  const { env, projectName, keyName } = route.useParams();
  const keyRef = useMemo(() => ({ projectName, keyName }), [projectName, keyName]);
  const search = route.useSearch();
  const { environment } = route.useRouteContext();
  const navigate = route.useNavigate();
  const deletion = useDeleteProjectKey(env, keyRef);

  if (deletion.data) {
    return (
      <div className="grid gap-6">
        <BackToSearch env={env} />
        <ProjectKeyTitle keyRef={keyRef} />
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
      </div>
    );
  }

  return (
    <div className="grid gap-6">
      <BackToSearch env={env} />
      <ProjectKeyTitle keyRef={keyRef} />
      <ProjectKeyOverview environment={env} keyRef={keyRef} />
      <ProjectKeyDeletionPanel
        environment={environment}
        keyRef={keyRef}
        options={{ jwkDeleteAction: search.jwkDeleteAction }}
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
