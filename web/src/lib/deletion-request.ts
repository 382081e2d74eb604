import { encodeAuditReason, HEADERS } from "@cleanup/shared";
import { z } from "zod";
import { apiRequest, type QueryParams } from "./api-client";

/** What the user confirmed a deletion with, sent along with it. */
export interface DeletionConfirmation {
  /** From the preview the user confirmed: the api refuses with 412 if the target changed since. */
  planToken: string;
  /** The ticket or reason, stored in the audit record. */
  reason: string;
  /** One per confirmed attempt, so a retried request cannot delete twice. */
  idempotencyKey: string;
  /** A waiting period (ISO 8601 duration, e.g. `PT10M`): the deletion is scheduled, and can be cancelled until then. */
  schedule?: string | undefined;
}

/**
 * The headers that tie a deletion to the previewed plan, the attempt and the reason.
 *
 * @example apiRequest(env, path, { method: "POST", headers: confirmationHeaders(input), schema })
 */
export function confirmationHeaders({
  planToken,
  reason,
  idempotencyKey,
}: Pick<DeletionConfirmation, "planToken" | "reason" | "idempotencyKey">): Record<string, string> {
  return {
    [HEADERS.ifMatch]: `"${planToken}"`,
    [HEADERS.idempotencyKey]: idempotencyKey,
    [HEADERS.auditReason]: encodeAuditReason(reason),
  };
}

export interface DryRunRequest<S extends z.ZodType> {
  method?: "DELETE" | "POST";
  /** The deletion's options, sent as query parameters. */
  query?: QueryParams;
  schema: S;
  signal?: AbortSignal;
}

/**
 * The dry run of a deletion (or a restore): deletes nothing, creates no job, returns the plan and its token.
 *
 * @example requestDeletion("dev", endpointPath("deleteHub", { hubId }), { query: { mode }, schema: HubDeletionResponse })
 */
export function requestDeletion<S extends z.ZodType>(
  environment: string,
  path: string,
  { method = "DELETE", query, schema, signal }: DryRunRequest<S>,
): Promise<z.infer<S>> {
  return apiRequest(environment, path, { method, query: { ...query, dryRun: true }, schema, signal });
}

/**
 * The job a confirmed deletion runs as: a 202 `{jobId, status, statusUrl}` (a waiting one adds its
 * `runAt` or approval), or — for a repeat under the same Idempotency-Key of a job that ended — its
 * stored answer, which names it too.
 */
export const StartedJob = z.object({ jobId: z.string().min(1) });
export type StartedJob = z.infer<typeof StartedJob>;

/**
 * Starts a confirmed deletion or restore and answers its job at once (`Prefer: respond-async`): the
 * console follows every job on its own page rather than waiting on one long request. A waiting
 * period goes as `schedule`; the job then waits for its time (or, where the api needs a second
 * approver, for one), and its page shows the countdown and Cancel.
 *
 * @example startDeletion("dev", endpointPath("deleteLock", { lockId }), { query: { mode }, confirmation })
 */
export function startDeletion(
  environment: string,
  path: string,
  {
    method = "DELETE",
    query,
    confirmation,
  }: { method?: "DELETE" | "POST"; query?: QueryParams; confirmation: DeletionConfirmation },
): Promise<StartedJob> {
  return apiRequest(environment, path, {
    method,
    query: confirmation.schedule ? { ...query, schedule: confirmation.schedule } : query,
    headers: { ...confirmationHeaders(confirmation), Prefer: "respond-async" },
    schema: StartedJob,
  });
}
