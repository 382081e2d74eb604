import { type AuditAction, HubIdParam, LockIdParam, NameParam } from "@cleanup/shared";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { isAuthenticated } from "../auth/authenticate.ts";
import { clientAddress } from "../http/client-address.ts";
import { auditLogStub } from "./audit-log.ts";
import { writeAudit } from "./write-audit.ts";

type DestructiveTarget = { action: AuditAction; targetType: string; targetId: string };
type Matcher = {
  method: string;
  pattern: RegExp;
  describe: (m: string[], c: Context<AppEnv>) => DestructiveTarget;
};

const decode = (s: string | undefined) => {
  try {
    return decodeURIComponent(s ?? "").slice(0, 200);
  } catch {
    return (s ?? "").slice(0, 200);
  }
};

/**
 * The destructive routes, matched on the raw path so refusals before routing are caught too. The
 * patterns are looser than the routes (an empty id, extra segments), so a malformed attempt at a
 * deletion is recorded as well; its target id is whatever was sent there.
 */
const DESTRUCTIVE: Matcher[] = [
  {
    method: "POST",
    pattern: /^\/admin\/cleanup\/delete-all(?:\/.*)?$/,
    describe: (_m, c) => ({
      action: "delete-all",
      targetType: "environment",
      targetId: c.var.config.environment,
    }),
  },
  {
    method: "DELETE",
    pattern: /^\/admin\/cleanup\/hubs(?:\/(.*?))?\/?$/,
    describe: (m) => ({ action: "delete-hub", targetType: "hub", targetId: decode(m[1]) }),
  },
  {
    method: "DELETE",
    pattern: /^\/admin\/cleanup\/locks(?:\/(.*?))?\/?$/,
    describe: (m) => ({ action: "delete-lock", targetType: "lock", targetId: decode(m[1]) }),
  },
  {
    method: "DELETE",
    pattern: /^\/apiops\/projects\/([^/]*)\/keys\/(.*?)\/?$/,
    describe: (m) => ({
      action: "delete-project-key",
      targetType: "project-key",
      targetId: `${decode(m[1])}/${decode(m[2])}`,
    }),
  },
  {
    method: "DELETE",
    pattern: /^\/organization\/(.*?)\/key\/?$/,
    describe: (m) => ({ action: "delete-org-keys", targetType: "organization", targetId: decode(m[1]) }),
  },
];

function matchDestructive(c: Context<AppEnv>): DestructiveTarget | null {
  const path = new URL(c.req.url).pathname;
  for (const m of DESTRUCTIVE) {
    const found = c.req.method === m.method ? m.pattern.exec(path) : null;
    if (found) return m.describe([...found], c);
  }
  return null;
}

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
 * Writes an audit record for every destructive request that ends without one: refusals
 * (400, 401, 403, 404, 409, 412, 422) are `refused`, server errors `failure`. Mounted before
 * authentication, so anonymous attempts are recorded as well. A refusal of a caller that did not
 * authenticate (no valid admin key, no verified token) is only counted, per source and minute, by
 * the AuditLog DO, which writes one `refusal-summary` record for each when the minute ends: a flood
 * of anonymous attempts costs a counter update each, not an append to the chain.
 */
export function auditDestructiveRequests() {
  return createMiddleware<AppEnv>(async function auditDestructiveRequests(c, next) {
    const target = matchDestructive(c);
    await next();
    if (!target || c.get("audited") || c.res.status < 400) return;
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
  });
}
