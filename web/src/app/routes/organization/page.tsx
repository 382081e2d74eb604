import { getRouteApi } from "@tanstack/react-router";
import { PageTitle } from "@/components/page-title";
import { useDeleteOrgKeys } from "@/features/organizations/api/delete-org-keys";
import { OrgKeysDeletionPanel } from "@/features/organizations/components/org-keys-deletion-panel";
import { OrgKeysDeletionResult } from "@/features/organizations/components/org-keys-deletion-result";
import {
  OrganizationOverview,
  OrganizationTitle,
} from "@/features/organizations/components/organization-overview";
import { deletionSearch } from "../deletion-search";
import { ReopenTargetButton, TargetDeletionPage } from "../target-deletion-page";
import { TargetHistory } from "../target-history";

const route = getRouteApi("/_authed/$env/organizations/$idOrg");

export function OrganizationPage() {
  const { env, idOrg } = route.useParams();
  const { environment } = route.useRouteContext();
  const deletion = useDeleteOrgKeys(env, idOrg);
  const url = deletionSearch(route.useSearch(), route.useNavigate(), deletion);
  return (
    <TargetDeletionPage
      env={env}
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
      resultTitle={<PageTitle eyebrow="Organization">{idOrg}</PageTitle>}
      result={
        deletion.data && (
          <OrgKeysDeletionResult
            environment={env}
            idOrg={idOrg}
            result={deletion.data}
            actions={<ReopenTargetButton noun="organization" onClick={url.reopen} />}
          />
        )
      }
    />
  );
}
