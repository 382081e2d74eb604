import { type AuditAction, HubIdParam, LockIdParam, NameParam } from "@cleanup/shared";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { isAuthenticated } from "../auth/authenticate.ts";
import { clientAddress } from "../http/client-address.ts";
import { auditLogStub } from "./audit-log.ts";
import { writeAudit } from "./write-audit.ts";

/** The deletion a refused request attempted, as the endpoint table and the request's path say. */
export type DestructiveTarget = { action: AuditAction; targetType: string; targetId: string };

/** The query as sent, bounded, for the record's `options`. */
function sentOptions(url: string): Record<string, string> {
  const entries = [...new URL(url).searchParams]
    .slice(0, 20)
    .map(([k, v]) => [k.slice(0, 64), v.slice(0, 200)]);
  return Object.fromEntries(entries);
}

/** A target id as a summary lists it: only an id of its kind's own form, never other caller text. */
function summaryTargetId({ targetType, targetId }: DestructiveTarget): string {
  const form = { hub: HubIdParam, lock: LockIdParam, organization: NameParam }[targetType];
  if (targetType === "environment") return targetId;
  if (targetType === "project-key") {
    const [project, key, ...rest] = targetId.split("/");
    const ok = rest.length === 0 && NameParam.safeParse(project).success && NameParam.safeParse(key).success;
    return ok ? targetId : "(malformed)";
  }
  if (!form?.safeParse(targetId).success) return "(malformed)";
  return targetType === "organization" ? targetId : targetId.toLowerCase();
}

/**
 * Records a refused destructive request (`refused`; a server error, `failure`). Called by the first
 * middleware of every destructive endpoint's pipeline (`routes/refusal-audit.ts`) once the request
 * was refused. A refusal of a caller that did not authenticate (no valid admin key, no verified
 * token) is only counted, per source and minute, by the AuditLog DO, which writes one
 * `refusal-summary` record for each when the minute ends: a flood of anonymous attempts costs a
 * counter update each, not an append to the chain.
 */
export async function auditRefusal(c: Context<AppEnv>, target: DestructiveTarget): Promise<void> {
  const status = c.res.status;
  if (status < 500 && !isAuthenticated(c.var)) {
    try {
      await auditLogStub(c.env).countRefusal({
        source: clientAddress(c),
        action: target.action,
        targetType: target.targetType,
        targetId: summaryTargetId(target),
        httpStatus: status,
        at: new Date().toISOString(),
      });
    } catch (err) {
      console.error(`[${c.var.requestId}] could not count a refused request`, err);
    }
    return;
  }
  let result: unknown = null;
  try {
    result = await c.res.clone().json();
  } catch {
    result = null;
  }
  try {
    await writeAudit(c, {
      ...target,
      outcome: status >= 500 ? "failure" : "refused",
      options: sentOptions(c.req.url),
      plan: null,
      result,
      httpStatus: status,
    });
  } catch (err) {
    console.error(`[${c.var.requestId}] could not audit a refused request`, err);
  }
}
