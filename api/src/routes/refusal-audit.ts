import { type EndpointDef, parseLockRef } from "@cleanup/shared";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { writeAudit } from "../audit/write-audit.ts";

const bounded = (s: string) => s.slice(0, 200);

/** The query as sent, bounded, for the record's `options`. */
function sentOptions(url: string): Record<string, string> {
  const entries = [...new URL(url).searchParams]
    .slice(0, 20)
    .map(([k, v]) => [k.slice(0, 64), v.slice(0, 200)]);
  return Object.fromEntries(entries);
}

/**
 * The target id a refused attempt is filed under: the path parameters the table names, as sent,
 * except a lock sent by UUID, which is filed under its numeric id (one id per lock in the log).
 */
async function refusedTargetId(
  c: Context<AppEnv>,
  deletes: NonNullable<EndpointDef["deletes"]>,
  raw?: string,
) {
  if (deletes.targetParams.length === 0) return c.var.config.environment;
  const sent = raw ?? deletes.targetParams.map((p) => c.req.param(p) ?? "").join("/");
  if (deletes.targetType === "lock" && /^[0-9a-f-]{36}$/i.test(sent)) {
    const ref = parseLockRef(sent);
    if (ref.kind === "uuid") {
      const row = await c.env.DB.prepare("SELECT lock_id FROM locks WHERE uuid = ?1")
        .bind(ref.uuid)
        .first<{ lock_id: number }>();
      if (row) return String(row.lock_id);
    }
  }
  return bounded(sent);
}

/**
 * The first middleware of every destructive endpoint's pipeline (from the endpoint table):
 * whatever refuses the request after it — authentication, access, headers, validation, a missing
 * target, a 409 or 412 — is thrown, and this records it (`refused`; an unexpected error, `failure`).
 * An answer the route returns (a dry run, a job's outcome, which the job audited itself, or a
 * replay) is not a refusal and writes nothing here.
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
    const status = c.res.status;
    let result: unknown = null;
    try {
      result = await c.res.clone().json();
    } catch {
      result = null;
    }
    try {
      await writeAudit(c, {
        action: deletes.action,
        targetType: deletes.targetType,
        targetId: await refusedTargetId(c, deletes, rawTarget?.(c)),
        outcome: status >= 500 ? "failure" : "refused",
        options: sentOptions(c.req.url),
        plan: null,
        result,
        httpStatus: status,
      });
    } catch (err) {
      console.error(`[${c.var.requestId}] could not audit a refused request`, err);
    }
  });
}
