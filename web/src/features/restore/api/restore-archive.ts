import { endpointPath, RestoreResponse } from "@cleanup/shared";
import { useMutation, useMutationState, useQuery, useQueryClient } from "@tanstack/react-query";
import { deletionPreviewQueryOptions } from "@/lib/deletion-queries";
import {
  confirmationHeaders,
  type DeletionConfirmation,
  isJobWaiting,
  requestJob,
} from "@/lib/deletion-request";
import { environmentKeys } from "@/lib/query-keys";
import { toast } from "@/lib/toast";

const restorePath = (archiveId: string) => endpointPath("restoreArchive", { archiveId });

/** The restore's dry run: what goes back, and the token to apply exactly that. */
export function restorePreviewQueryOptions(environment: string, archiveId: string) {
  return deletionPreviewQueryOptions(
    [...environmentKeys.archives(environment), "restore-preview", archiveId] as const,
    (signal) =>
      requestJob(environment, restorePath(archiveId), {
        method: "POST",
        query: { dryRun: true },
        schema: RestoreResponse,
        signal,
      }),
  );
}

export function useRestorePreview(environment: string, archiveId: string, enabled: boolean) {
  return useQuery({ ...restorePreviewQueryOptions(environment, archiveId), enabled });
}

/** `POST /admin/archives/{archiveId}/restore` with the previewed token, a reason and an Idempotency-Key. */
export function restoreArchive(
  environment: string,
  archiveId: string,
  confirmation: Omit<DeletionConfirmation, "schedule">,
): Promise<RestoreResponse> {
  return requestJob(environment, restorePath(archiveId), {
    method: "POST",
    headers: confirmationHeaders(confirmation),
    schema: RestoreResponse,
  });
}

/** Restores of this session, by environment and archive: their results outlive the page that ran them. */
export const restoreMutationKey = (environment: string, archiveId?: string) =>
  archiveId ? (["restore", environment, archiveId] as const) : (["restore", environment] as const);

/** The results of the restores this session ran in `environment` (of one archive, when given). */
export function useRestoredHere(environment: string, archiveId?: string): RestoreResponse[] {
  return useMutationState({
    filters: { mutationKey: restoreMutationKey(environment, archiveId), status: "success" },
    select: (m) => m.state.data as RestoreResponse,
  });
}

/** The archives this session restores or restored in `environment` (running ones included). */
export function useArchivesRestoringHere(environment: string): string[] {
  return useMutationState({
    filters: { mutationKey: restoreMutationKey(environment), predicate: (m) => m.state.status !== "error" },
    select: (m) => String(m.options.mutationKey?.[2] ?? ""),
  });
}

export function useRestoreArchive(environment: string, archiveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: restoreMutationKey(environment, archiveId),
    mutationFn: (input: Omit<DeletionConfirmation, "schedule">) =>
      restoreArchive(environment, archiveId, input),
    onSuccess: (result) => {
      toast.success(`Restored ${result.targetType} ${result.targetId} in ${environment}`, {
        description: `${result.summary.eventsRestored} events from archive ${archiveId}`,
      });
    },
    // Done, waiting for approval or failed: the target, its archives, jobs and history changed.
    // Not awaited: the mutation is a success first, so the page keeps its result when the target reappears.
    onSettled: (_result, error) => {
      if (error && !isJobWaiting(error)) return;
      void queryClient.invalidateQueries({ queryKey: environmentKeys.all(environment) });
    },
  });
}
