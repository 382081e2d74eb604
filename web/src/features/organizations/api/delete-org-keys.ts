import { HEADERS, OrgKeyDeletionResponse } from "@cleanup/shared";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { apiRequest } from "@/lib/api-client";
import { auditReasonHeader } from "@/lib/audit-reason";
import { environmentKeys } from "@/lib/query-keys";
import { organizationQueryOptions } from "./get-organization";

export interface DeleteOrgKeysInput {
  /** From the preview the user confirmed: the api refuses with 412 if the keys changed since. */
  planToken: string;
  reason: string;
  idempotencyKey: string;
}

/** Deletes ALL keys of the organization and their node–key relationships (published endpoint 5). */
export function deleteOrgKeys(
  environment: string,
  idOrg: string,
  { planToken, reason, idempotencyKey }: DeleteOrgKeysInput,
): Promise<OrgKeyDeletionResponse> {
  return apiRequest(environment, `/organization/${encodeURIComponent(idOrg)}/key`, {
    method: "DELETE",
    headers: {
      [HEADERS.ifMatch]: `"${planToken}"`,
      [HEADERS.idempotencyKey]: idempotencyKey,
      [HEADERS.auditReason]: auditReasonHeader(reason),
    },
    schema: OrgKeyDeletionResponse,
  });
}

export function useDeleteOrgKeys(environment: string, idOrg: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DeleteOrgKeysInput) => deleteOrgKeys(environment, idOrg, input),
    onSuccess: (result) => {
      toast.success(`Keys of ${idOrg} deleted in ${environment}`, { description: result.message });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: environmentKeys.info(environment) }),
        queryClient.invalidateQueries({ queryKey: environmentKeys.audit(environment) }),
      ]);
    },
  });
}

/** Drops the cached organization and its previews, so the next look shows it without keys. */
export function forgetOrganization(queryClient: QueryClient, environment: string, idOrg: string) {
  queryClient.removeQueries({ queryKey: organizationQueryOptions(environment, idOrg).queryKey });
}
