import { type DeletionMode, LockDeletionResponse } from "@cleanup/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { lockQueryOptions } from "./get-lock";

export interface LockDeletionOptions {
  mode: DeletionMode;
  cascadeDeleteKeys: boolean;
}

/** The dry run: deletes nothing, returns the itemised plan and the planToken to apply it with. */
export function previewLockDeletion(
  environment: string,
  lockId: string,
  { mode, cascadeDeleteKeys }: LockDeletionOptions,
  signal?: AbortSignal,
): Promise<LockDeletionResponse> {
  return apiRequest(environment, `/admin/cleanup/locks/${encodeURIComponent(lockId)}`, {
    method: "DELETE",
    query: { mode, cascadeDeleteKeys, dryRun: true },
    schema: LockDeletionResponse,
    signal,
  });
}

export function lockDeletionPreviewQueryOptions(
  environment: string,
  lockId: string,
  options: LockDeletionOptions,
) {
  return queryOptions({
    queryKey: [...lockQueryOptions(environment, lockId).queryKey, "deletion-preview", options],
    queryFn: ({ signal }) => previewLockDeletion(environment, lockId, options, signal),
    // A preview is a snapshot the user reads before confirming: never swap it silently in the background.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
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
