import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { type DestructiveTarget, recordRefusal } from "./refusal-record.ts";

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

/**
 * Records every destructive request that ends refused without a record of its own (400, 401, 403,
 * 404, 409, 412, 422, and 5xx): `recordRefusal` decides between a record and a count. Mounted
 * before authentication, so anonymous attempts are seen as well.
 */
export function auditDestructiveRequests() {
  return createMiddleware<AppEnv>(async function auditDestructiveRequests(c, next) {
    const target = matchDestructive(c);
    await next();
    if (!target || c.get("audited") || c.res.status < 400) return;
    await recordRefusal(c, target);
  });
}
