import { getRouteApi } from "@tanstack/react-router";
import { RotateCcw } from "lucide-react";
import { PageTitle } from "@/components/page-title";
import { Button } from "@/components/ui/button";
import { useDeleteOrgKeys } from "@/features/organizations/api/delete-org-keys";
import { OrgKeysDeletionPanel } from "@/features/organizations/components/org-keys-deletion-panel";
import { OrgKeysDeletionResult } from "@/features/organizations/components/org-keys-deletion-result";
import {
  OrganizationOverview,
  OrganizationTitle,
} from "@/features/organizations/components/organization-overview";
import { BackToSearch } from "../back-to-search";

const route = getRouteApi("/_authed/$env/organizations/$idOrg");

export function OrganizationPage() {
  const { env, idOrg } = route.useParams();
  const search = route.useSearch();
  const { environment } = route.useRouteContext();
  const navigate = route.useNavigate();
  const deletion = useDeleteOrgKeys(env, idOrg);

  if (deletion.data) {
    return (
      <div className="grid gap-6">
        <BackToSearch env={env} />
        <PageTitle eyebrow="Organization">{idOrg}</PageTitle>
        <OrgKeysDeletionResult
          environment={env}
          idOrg={idOrg}
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
              Open the organization again
            </Button>
          }
        />
      </div>
    );
  }

  return (
    <div className="grid gap-6">
      <BackToSearch env={env} />
      <OrganizationTitle environment={env} idOrg={idOrg} />
      <OrganizationOverview environment={env} idOrg={idOrg} />
      <OrgKeysDeletionPanel
        environment={environment}
        idOrg={idOrg}
        previewRequested={search.preview}
        onPreviewRequested={() =>
          void navigate({ search: (prev) => ({ ...prev, preview: true }), replace: true })
        }
        deletion={deletion}
      />
    </div>
  );
}
