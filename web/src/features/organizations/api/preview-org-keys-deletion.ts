import { endpointPath, OrgKeyDeletionResponse } from "@cleanup/shared";
import { useQuery } from "@tanstack/react-query";
import { deletionPreviewQueryOptions } from "@/lib/deletion-queries";
import { requestDeletion } from "@/lib/deletion-request";
import { organizationQueryOptions } from "./get-organization";

/** The published path of the deletion of all of an organization's keys (endpoint 5). */
export function orgKeysDeletionPath(idOrg: string): string {
  return endpointPath("deleteOrganizationKeys", { idOrg });
}

/** The dry run of deleting all of an organization's keys: the plan and its planToken. */
export function previewOrgKeysDeletion(
  environment: string,
  idOrg: string,
  signal?: AbortSignal,
): Promise<OrgKeyDeletionResponse> {
  return requestDeletion(environment, orgKeysDeletionPath(idOrg), { schema: OrgKeyDeletionResponse, signal });
}

export function orgKeysDeletionPreviewQueryOptions(environment: string, idOrg: string) {
  return deletionPreviewQueryOptions(
    [...organizationQueryOptions(environment, idOrg).queryKey, "keys-deletion-preview"],
    (signal) => previewOrgKeysDeletion(environment, idOrg, signal),
  );
}

export function useOrgKeysDeletionPreview(
  environment: string,
  idOrg: string,
  { enabled }: { enabled: boolean },
) {
  return useQuery({ ...orgKeysDeletionPreviewQueryOptions(environment, idOrg), enabled });
}
