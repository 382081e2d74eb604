import { type DeletionMode, endpointPath, LockDeletionResponse } from "@cleanup/shared";
import { useQuery } from "@tanstack/react-query";
import { deletionPreviewQueryOptions } from "@/lib/deletion-queries";
import { requestDeletion } from "@/lib/deletion-request";
import { lockQueryOptions } from "./get-lock";

export interface LockDeletionOptions {
  mode: DeletionMode;
  cascadeDeleteKeys: boolean;
}

/** The published path of one lock's deletion. */
export function lockDeletionPath(lockId: string): string {
  return endpointPath("deleteLock", { lockId });
}

/** The dry run: deletes nothing, returns the itemised plan and the planToken to apply it with. */
export function previewLockDeletion(
  environment: string,
  lockId: string,
  { mode, cascadeDeleteKeys }: LockDeletionOptions,
  signal?: AbortSignal,
): Promise<LockDeletionResponse> {
  return requestDeletion(environment, lockDeletionPath(lockId), {
    query: { mode, cascadeDeleteKeys },
    schema: LockDeletionResponse,
    signal,
  });
}

export function lockDeletionPreviewQueryOptions(
  environment: string,
  lockId: string,
  options: LockDeletionOptions,
) {
  return deletionPreviewQueryOptions(
    [...lockQueryOptions(environment, lockId).queryKey, "deletion-preview", options],
    (signal) => previewLockDeletion(environment, lockId, options, signal),
  );
}

/** Runs the dry run only once the user asked for a preview (`enabled`). */
export function useLockDeletionPreview(
  environment: string,
  lockId: string,
  options: LockDeletionOptions,
  { enabled }: { enabled: boolean },
) {
  return useQuery({ ...lockDeletionPreviewQueryOptions(environment, lockId, options), enabled });
}
