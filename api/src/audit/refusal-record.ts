import {
  type AuditAction,
  HubIdParam,
  holdsPermission,
  LockIdParam,
  NameParam,
  PERMISSIONS,
} from "@cleanup/shared";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { mayManageOrgKeys } from "../domain/organizations.ts";
import { clientAddress } from "../http/client-address.ts";
import { auditLogStub } from "./audit-log.ts";
import { ANONYMOUS } from "./refusal-buckets.ts";
import { writeAudit } from "./write-audit.ts";

/** The deletion a refused request attempted: its action, and the target as the request named it. */
export type DestructiveTarget = { action: AuditAction; targetType: string; targetId: string };

/** Caller text a refused attempt's own record keeps, at most: its query (the reason: write-audit.ts). */
const MAX_OPTIONS = 10;
const MAX_OPTION_NAME = 32;
const MAX_OPTION_VALUE = 100;
/** An address is at most 254 characters (RFC 5321); a longer `email` claim is cut there. */
const MAX_ACTOR = 254;

/** The query as sent, bounded, for the record's `options`. */
function sentOptions(url: string): Record<string, string> {
  const entries = [...new URL(url).searchParams]
    .slice(0, MAX_OPTIONS)
    .map(([k, v]) => [k.slice(0, MAX_OPTION_NAME), v.slice(0, MAX_OPTION_VALUE)]);
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
 * Whether a refused attempt gets a record of its own rather than a count in a summary: when staff
 * with the admin key made it (the console's callers), or a published caller of endpoint 4 or 5
 * for a target that is theirs to delete (an org's OWNER or ADMINISTRATOR, a holder of
 * SECRETS:MANAGE in that project), whose refusal is a real attempt at their own data (a stale
 * plan, a bad header). Anyone else — no credentials, a token that did not verify, a verified
 * token of someone with no right to the target — is counted (ADR 018): a token any account of the
 * issuer can get must not buy an append to the single audit writer per request.
 */
async function ownRecordFor(c: Context<AppEnv>, target: DestructiveTarget): Promise<boolean> {
  const { identity } = c.var;
  if (!identity) return false;
  if (identity.staff && c.var.adminKeyAccepted === true) return true;
  if (summaryTargetId(target) === "(malformed)") return false;
  if (target.targetType === "organization") {
    return mayManageOrgKeys(c.env.DB, identity, target.targetId, false);
  }
  if (target.targetType === "project-key") {
    const [project = ""] = target.targetId.split("/");
    return holdsPermission(identity.permissions, PERMISSIONS.secretsManage, project);
  }
  return false;
}

/**
 * Records a refused destructive request (a 4xx is `refused`, a 5xx `failure`). Staff with the admin
 * key, and a published caller refused for their own target, get a record each, with the caller's
 * text bounded; every other refusal — anonymous or verified, 4xx or 5xx — is counted per source,
 * actor and minute by the AuditLog DO, which writes one `refusal-summary` record for each when the
 * minute ends: a flood costs a counter update per request, not an append to the chain.
 *
 * @example
 * await next();
 * if (c.res.status >= 400) await recordRefusal(c, { action: "delete-lock", targetType: "lock", targetId });
 */
export async function recordRefusal(c: Context<AppEnv>, target: DestructiveTarget): Promise<void> {
  const status = c.res.status;
  const own = await ownRecordFor(c, target).catch((err) => {
    console.error(`[${c.var.requestId}] could not judge a refused caller's access; counting it`, err);
    return false;
  });
  if (!own) {
    try {
      await auditLogStub(c.env).countRefusal({
        source: clientAddress(c),
        actor: c.var.identity?.email.slice(0, MAX_ACTOR) ?? ANONYMOUS,
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
