import { HubDeletionResponse } from "@cleanup/shared";
import { useDeletionMutation } from "@/lib/deletion-queries";
import { type DeletionConfirmation, requestDeletion } from "@/lib/deletion-request";
import { hubQueryOptions } from "./get-hub";
import { type HubDeletionOptions, hubDeletionPath } from "./preview-hub-deletion";

export interface DeleteHubInput extends DeletionConfirmation {
  options: HubDeletionOptions;
}

export function deleteHub(
  environment: string,
  hubId: string,
  { options, ...confirmation }: DeleteHubInput,
): Promise<HubDeletionResponse> {
  return requestDeletion(environment, hubDeletionPath(hubId), {
    query: { mode: options.mode },
    schema: HubDeletionResponse,
    confirmation,
  });
}

export function useDeleteHub(environment: string, hubId: string) {
  return useDeletionMutation(environment, {
    mutationFn: (input: DeleteHubInput) => deleteHub(environment, hubId, input),
    targetKey: hubQueryOptions(environment, hubId).queryKey,
    changes: ["search", "info", "audit"],
    announce: (result) => ({
      title: `Hub ${result.mode === "DELETE_DO_AND_EVENTS" ? "deleted" : "reset"} in ${environment}`,
      description: hubId,
    }),
  });
}
