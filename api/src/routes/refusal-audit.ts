import type { EndpointDef } from "@cleanup/shared";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { auditRefusal } from "../audit/audit-refusals.ts";

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
    await auditRefusal(c, {
      action: deletes.action,
      targetType: deletes.targetType,
      targetId: sentTargetId(c, deletes, rawTarget?.(c)),
    });
  });
}
