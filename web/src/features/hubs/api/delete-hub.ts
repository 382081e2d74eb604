import { useDeletionMutation } from "@/lib/deletion-queries";
import { type DeletionConfirmation, type StartedJob, startDeletion } from "@/lib/deletion-request";
import { type HubDeletionOptions, hubDeletionPath } from "./preview-hub-deletion";

export interface DeleteHubInput extends DeletionConfirmation {
  options: HubDeletionOptions;
}

/** Starts the hub's deletion job (published endpoint 2); its page follows it. */
export function deleteHub(
  environment: string,
  hubId: string,
  { options, ...confirmation }: DeleteHubInput,
): Promise<StartedJob> {
  return startDeletion(environment, hubDeletionPath(hubId), { query: { mode: options.mode }, confirmation });
}

export function useDeleteHub(environment: string, hubId: string) {
  return useDeletionMutation(environment, (input: DeleteHubInput) => deleteHub(environment, hubId, input));
}
