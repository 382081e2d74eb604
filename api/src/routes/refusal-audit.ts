import type { EndpointDef } from "@cleanup/shared";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { type DestructiveTarget, recordRefusal } from "../audit/refusal-record.ts";

/**
 * The acts on a job and the restore of an archive name a job or an archive in their path: their
 * refusals are filed under the target that job or archive is of (a lock by its numeric id, a
 * restore as `restore-lock` or `restore-hub`), so a target's history shows them; as sent when the
 * id names nothing.
 */
async function resolved(
  c: Context<AppEnv>,
  sent: DestructiveTarget,
  type: string,
): Promise<DestructiveTarget> {
  try {
    if (type === "archive") {
      const row = await c.env.DB.prepare("SELECT target_type, target_id FROM archives WHERE id = ?1")
        .bind(sent.targetId.toLowerCase())
        .first<{ target_type: "lock" | "hub"; target_id: string }>();
      if (row)
        return { action: `restore-${row.target_type}`, targetType: row.target_type, targetId: row.target_id };
    }
    if (type === "job") {
      const row = await c.env.DB.prepare("SELECT target_type, target_id FROM jobs WHERE job_id = ?1")
        .bind(sent.targetId.toLowerCase())
        .first<{ target_type: string; target_id: string }>();
      if (row) return { ...sent, targetType: row.target_type, targetId: row.target_id };
    }
  } catch {
    // Filed as sent.
  }
  return sent;
}

/** The target id as sent: the path parameters the table names, joined by `/`, bounded. */
function sentTargetId(c: Context<AppEnv>, deletes: NonNullable<EndpointDef["deletes"]>, raw?: string) {
  if (deletes.targetParams.length === 0) return c.var.config.environment;
  return (raw ?? deletes.targetParams.map((p) => c.req.param(p) ?? "").join("/")).slice(0, 200);
}

/**
 * The first middleware of every destructive endpoint's pipeline (from the endpoint table):
 * whatever refuses the request after it — authentication, access, headers, validation, a missing
 * target, a 409 or 412 — is thrown, and this records it (the AuditLog files a lock under its
 * canonical id). An answer the route returns (a dry run, a job's outcome, which the job audited
 * itself, a replay) is not a refusal and writes nothing here: no flag, no pattern over paths.
 *
 * `rawTarget` is for the catch-all of a malformed path under the endpoint's prefix.
 */
export function auditRefusals(
  deletes: NonNullable<EndpointDef["deletes"]>,
  rawTarget?: (c: Context<AppEnv>) => string,
) {
  return createMiddleware<AppEnv>(async function auditRefusals(c, next) {
    await next();
    if (!c.error || c.res.status < 400) return;
    const sent = {
      action: deletes.action,
      targetType: deletes.targetType,
      targetId: sentTargetId(c, deletes, rawTarget?.(c)),
    };
    const target =
      deletes.targetType === "archive" || deletes.targetType === "job"
        ? await resolved(c, sent, deletes.targetType)
        : sent;
    await recordRefusal(c, target);
  });
}
