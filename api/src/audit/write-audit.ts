import {
  AUDIT_REASON_MAX_LENGTH,
  type AuditAction,
  type AuditOutcome,
  type AuditRecord,
  decodeAuditReason,
  HEADERS,
} from "@cleanup/shared";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { isAuthenticated } from "../auth/authenticate.ts";
import { appendAudit } from "./audit-log.ts";

export type AuditEntry = {
  action: AuditAction;
  targetType: string;
  targetId: string;
  outcome: AuditOutcome;
  options: Record<string, unknown>;
  plan: unknown;
  result: unknown;
  httpStatus: number;
  /** The deletion job the record belongs to. */
  jobId?: string | null;
  /** The target's other id, when the caller knows it (a lock's UUID beside its numeric id). */
  targetAlias?: string | null;
};

/**
 * `X-Audit-Reason` as given (a ticket reference), decoded when sent as `UTF-8''…`. A deletion
 * only runs with a valid one (`deletionHeaders()`); the record of a refusal keeps an invalid one
 * cleaned and bounded to the 500 characters a valid one has at most. A caller that did not authenticate (neither the admin key nor a verified
 * token) gets no reason on record: an anonymous request must not write text of its choosing into
 * the audit log.
 */
function auditReason(c: Context<AppEnv>): string | null {
  const raw = c.req.header(HEADERS.auditReason);
  if (!raw || !isAuthenticated(c.var)) return null;
  const clean = [...decodeAuditReason(raw)]
    .map((ch) => (/\p{Cc}/u.test(ch) ? " " : ch))
    .join("")
    .trim();
  return [...clean].slice(0, AUDIT_REASON_MAX_LENGTH).join("") || null;
}

/**
 * Appends an audit record for the current request.
 *
 * @example
 * const record = await writeAudit(c, { action: "delete-lock", targetType: "lock", ... });
 * body.auditLogPath = record.path;
 */
export async function writeAudit(c: Context<AppEnv>, entry: AuditEntry): Promise<AuditRecord> {
  return appendAudit(c.env, {
    ...entry,
    actor: c.var.identity?.email ?? "anonymous",
    environment: c.var.config.environment,
    reason: auditReason(c),
    requestId: c.var.requestId,
    // The caller's own id is text of its choosing too: kept for authenticated callers only.
    clientRequestId: isAuthenticated(c.var) ? (c.var.clientRequestId ?? null) : null,
  });
}
