import { OrgKeyDeletionResponse } from "@cleanup/shared";
import { useDeletionMutation } from "@/lib/deletion-queries";
import { type DeletionConfirmation, requestDeletion } from "@/lib/deletion-request";
import { organizationQueryOptions } from "./get-organization";
import { orgKeysDeletionPath } from "./preview-org-keys-deletion";

export type DeleteOrgKeysInput = DeletionConfirmation;

/** Deletes ALL keys of the organization and their node–key relationships (published endpoint 5). */
export function deleteOrgKeys(
  environment: string,
  idOrg: string,
  confirmation: DeleteOrgKeysInput,
): Promise<OrgKeyDeletionResponse> {
  return requestDeletion(environment, orgKeysDeletionPath(idOrg), {
    schema: OrgKeyDeletionResponse,
    confirmation,
  });
}

export function useDeleteOrgKeys(environment: string, idOrg: string) {
  return useDeletionMutation(environment, {
    mutationFn: (input: DeleteOrgKeysInput) => deleteOrgKeys(environment, idOrg, input),
    targetKey: organizationQueryOptions(environment, idOrg).queryKey,
    changes: ["info", "audit"],
    announce: (result) => ({
      title: `Keys of ${idOrg} deleted in ${environment}`,
      description: result.message,
    }),
  });
}
