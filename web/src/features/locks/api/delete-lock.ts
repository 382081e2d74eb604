import { HEADERS, LockDeletionResponse } from "@cleanup/shared";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { auditReasonHeader } from "@/lib/audit-reason";
import { environmentKeys } from "@/lib/query-keys";
import { lockQueryOptions } from "./get-lock";
import type { LockDeletionOptions } from "./preview-lock-deletion";

export interface DeleteLockInput {
  options: LockDeletionOptions;
  /** From the preview the user confirmed: the api refuses with 412 if the lock changed since. */
  planToken: string;
  /** The ticket or reason, stored in the audit record. */
  reason: string;
  /** One per confirmed attempt, so a retried request cannot delete twice. */
  idempotencyKey: string;
}

export function deleteLock(
  environment: string,
  lockId: string,
  { options, planToken, reason, idempotencyKey }: DeleteLockInput,
): Promise<LockDeletionResponse> {
  return apiRequest(environment, `/admin/cleanup/locks/${encodeURIComponent(lockId)}`, {
    method: "DELETE",
    query: { mode: options.mode, cascadeDeleteKeys: options.cascadeDeleteKeys },
    headers: {
      [HEADERS.ifMatch]: `"${planToken}"`,
      [HEADERS.idempotencyKey]: idempotencyKey,
      [HEADERS.auditReason]: auditReasonHeader(reason),
    },
    schema: LockDeletionResponse,
  });
}

export function useDeleteLock(environment: string, lockId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DeleteLockInput) => deleteLock(environment, lockId, input),
    onSuccess: () =>
      // Lists and counts of the environment changed. The lock itself is forgotten by the result view
      // (forgetLock) once the page no longer shows it, so no background 404 can replace the result.
      Promise.all([
        queryClient.invalidateQueries({ queryKey: environmentKeys.search(environment) }),
        queryClient.invalidateQueries({ queryKey: environmentKeys.info(environment) }),
        queryClient.invalidateQueries({ queryKey: environmentKeys.audit(environment) }),
      ]),
  });
}

/** Drops the cached lock and its previews, so the next visit loads what is left of it. */
export function forgetLock(queryClient: QueryClient, environment: string, lockId: string) {
  queryClient.removeQueries({ queryKey: lockQueryOptions(environment, lockId).queryKey });
}
