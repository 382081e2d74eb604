import { useDeletionMutation } from "@/lib/deletion-queries";
import { type DeletionConfirmation, type StartedJob, startDeletion } from "@/lib/deletion-request";
import { type LockDeletionOptions, lockDeletionPath } from "./preview-lock-deletion";

export interface DeleteLockInput extends DeletionConfirmation {
  options: LockDeletionOptions;
}

/** Starts the lock's deletion job (published endpoint 3); its page follows it. */
export function deleteLock(
  environment: string,
  lockId: string,
  { options, ...confirmation }: DeleteLockInput,
): Promise<StartedJob> {
  return startDeletion(environment, lockDeletionPath(lockId), {
    query: { mode: options.mode, cascadeDeleteKeys: options.cascadeDeleteKeys },
    confirmation,
  });
}

export function useDeleteLock(environment: string, lockId: string) {
  return useDeletionMutation(environment, (input: DeleteLockInput) => deleteLock(environment, lockId, input));
}
