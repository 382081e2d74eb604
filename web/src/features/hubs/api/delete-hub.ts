import { HEADERS, HubDeletionResponse } from "@cleanup/shared";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { apiRequest } from "@/lib/api-client";
import { auditReasonHeader } from "@/lib/audit-reason";
import { environmentKeys } from "@/lib/query-keys";
import { hubQueryOptions } from "./get-hub";
import type { HubDeletionOptions } from "./preview-hub-deletion";

export interface DeleteHubInput {
  options: HubDeletionOptions;
  /** From the preview the user confirmed: the api refuses with 412 if the hub changed since. */
  planToken: string;
  /** The ticket or reason, stored in the audit record. */
  reason: string;
  /** One per confirmed attempt, so a retried request cannot delete twice. */
  idempotencyKey: string;
}

export function deleteHub(
  environment: string,
  hubId: string,
  { options, planToken, reason, idempotencyKey }: DeleteHubInput,
): Promise<HubDeletionResponse> {
  return apiRequest(environment, `/admin/cleanup/hubs/${encodeURIComponent(hubId)}`, {
    method: "DELETE",
    query: { mode: options.mode },
    headers: {
      [HEADERS.ifMatch]: `"${planToken}"`,
      [HEADERS.idempotencyKey]: idempotencyKey,
      [HEADERS.auditReason]: auditReasonHeader(reason),
    },
    schema: HubDeletionResponse,
  });
}

export function useDeleteHub(environment: string, hubId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DeleteHubInput) => deleteHub(environment, hubId, input),
    onSuccess: (result) => {
      toast.success(
        result.mode === "DELETE_DO_AND_EVENTS"
          ? `Hub deleted in ${environment}`
          : `Hub reset in ${environment}`,
        { description: hubId },
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: environmentKeys.search(environment) }),
        queryClient.invalidateQueries({ queryKey: environmentKeys.info(environment) }),
        queryClient.invalidateQueries({ queryKey: environmentKeys.audit(environment) }),
      ]);
    },
  });
}

/** Drops the cached hub and its previews, so the next visit loads what is left of it. */
export function forgetHub(queryClient: QueryClient, environment: string, hubId: string) {
  queryClient.removeQueries({ queryKey: hubQueryOptions(environment, hubId).queryKey });
}
