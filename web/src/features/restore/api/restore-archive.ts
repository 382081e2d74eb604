import { endpointPath, RestoreResponse } from "@cleanup/shared";
import { useQuery } from "@tanstack/react-query";
import { deletionPreviewQueryOptions, useDeletionMutation } from "@/lib/deletion-queries";
import {
  type DeletionConfirmation,
  requestDeletion,
  type StartedJob,
  startDeletion,
} from "@/lib/deletion-request";
import { environmentKeys } from "@/lib/query-keys";

const restorePath = (archiveId: string) => endpointPath("restoreArchive", { archiveId });

/** The restore's dry run: what goes back, and the token to apply exactly that. */
export function restorePreviewQueryOptions(environment: string, archiveId: string) {
  return deletionPreviewQueryOptions(
    [...environmentKeys.archives(environment), "restore-preview", archiveId] as const,
    (signal) =>
      requestDeletion(environment, restorePath(archiveId), {
        method: "POST",
        schema: RestoreResponse,
        signal,
      }),
  );
}

export function useRestorePreview(environment: string, archiveId: string, enabled: boolean) {
  return useQuery({ ...restorePreviewQueryOptions(environment, archiveId), enabled });
}

export type RestoreInput = Omit<DeletionConfirmation, "schedule">;

/**
 * Starts `POST /admin/archives/{archiveId}/restore` with the previewed token, a reason and an
 * Idempotency-Key; the restore is a job like a deletion, followed on its page.
 */
export function restoreArchive(
  environment: string,
  archiveId: string,
  confirmation: RestoreInput,
): Promise<StartedJob> {
  return startDeletion(environment, restorePath(archiveId), { method: "POST", confirmation });
}

export function useRestoreArchive(environment: string, archiveId: string) {
  return useDeletionMutation(environment, (input: RestoreInput) =>
    restoreArchive(environment, archiveId, input),
  );
}
