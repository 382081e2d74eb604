import { LockDeletionResponse } from "@cleanup/shared";
import { useDeletionMutation } from "@/lib/deletion-queries";
import { type DeletionConfirmation, requestDeletion } from "@/lib/deletion-request";
import { lockQueryOptions } from "./get-lock";
import { type LockDeletionOptions, lockDeletionPath } from "./preview-lock-deletion";

export interface DeleteLockInput extends DeletionConfirmation {
  options: LockDeletionOptions;
}

export function deleteLock(
  environment: string,
  lockId: string,
  { options, ...confirmation }: DeleteLockInput,
): Promise<LockDeletionResponse> {
  return requestDeletion(environment, lockDeletionPath(lockId), {
    query: { mode: options.mode, cascadeDeleteKeys: options.cascadeDeleteKeys },
    schema: LockDeletionResponse,
    confirmation,
  });
}

export function useDeleteLock(environment: string, lockId: string) {
  return useDeletionMutation(environment, {
    mutationFn: (input: DeleteLockInput) => deleteLock(environment, lockId, input),
    targetKey: lockQueryOptions(environment, lockId).queryKey,
    changes: ["search", "info", "audit"],
    announce: (result) => ({
      title: `Lock ${result.mode === "DELETE_DO_AND_EVENTS" ? "deleted" : "reset"} in ${environment}`,
      description: lockId,
    }),
  });
}
