import { encodeAuditReason, HEADERS } from "@cleanup/shared";
import type { z } from "zod";
import { apiRequest, type QueryParams } from "./api-client";

/** What the user confirmed a deletion with, sent along with it. */
export interface DeletionConfirmation {
  /** From the preview the user confirmed: the api refuses with 412 if the target changed since. */
  planToken: string;
  /** The ticket or reason, stored in the audit record. */
  reason: string;
  /** One per confirmed attempt, so a retried request cannot delete twice. */
  idempotencyKey: string;
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
}: DeletionConfirmation): Record<string, string> {
  return {
    [HEADERS.ifMatch]: `"${planToken}"`,
    [HEADERS.idempotencyKey]: idempotencyKey,
    [HEADERS.auditReason]: encodeAuditReason(reason),
  };
}

export interface DeletionRequest<S extends z.ZodType> {
  /** The deletion's options, sent as query parameters. */
  query?: QueryParams;
  schema: S;
  signal?: AbortSignal;
  /** Without it the request is the dry run. */
  confirmation?: DeletionConfirmation;
}

/**
 * The DELETE of a target's cleanup endpoint. Without a confirmation it is the dry run, which
 * deletes nothing and returns the plan and its token; with one, the deletion of that plan.
 *
 * @example requestDeletion("dev", "/admin/cleanup/hubs/…", { query: { mode }, schema: HubDeletionResponse })
 */
export function requestDeletion<S extends z.ZodType>(
  environment: string,
  path: string,
  { query, schema, signal, confirmation }: DeletionRequest<S>,
): Promise<z.infer<S>> {
  return apiRequest(environment, path, {
    method: "DELETE",
    query: confirmation ? query : { ...query, dryRun: true },
    headers: confirmation && confirmationHeaders(confirmation),
    schema,
    signal,
  });
}
