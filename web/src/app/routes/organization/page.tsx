import { getRouteApi } from "@tanstack/react-router";
import { useDeleteOrgKeys } from "@/features/organizations/api/delete-org-keys";
import { useOrganization } from "@/features/organizations/api/get-organization";
import { OrgKeysDeletionPanel } from "@/features/organizations/components/org-keys-deletion-panel";
import {
  OrganizationOverview,
  OrganizationTitle,
} from "@/features/organizations/components/organization-overview";
import { deletionSearch } from "../deletion-search";
import { TargetDeletionPage } from "../target-deletion-page";
import { TargetHistory } from "../target-history";

const route = getRouteApi("/_authed/$env/organizations/$idOrg");

export function OrganizationPage() {
  const { env, idOrg } = route.useParams();
  const { environment } = route.useRouteContext();
  const { data: organization } = useOrganization(env, idOrg);
  const deletion = useDeleteOrgKeys(env, idOrg);
  const url = deletionSearch(route.useSearch(), route.useNavigate());
  return (
    <TargetDeletionPage
      env={env}
      noun="organization"
      marker={organization.deletion}
      title={<OrganizationTitle environment={env} idOrg={idOrg} />}
      overview={<OrganizationOverview environment={env} idOrg={idOrg} />}
      panel={
        <OrgKeysDeletionPanel
          environment={environment}
          idOrg={idOrg}
          previewRequested={url.previewRequested}
          onPreviewRequested={url.requestPreview}
          deletion={deletion}
        />
      }
      history={<TargetHistory env={env} type="organization" id={idOrg} noun="organization" />}
    />
  );
}
