import { AuditReasonHeader, HEADERS, IdempotencyKeyHeader, IfMatchHeader } from "@cleanup/shared";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { ApiError } from "./errors.ts";

const CHECKED = [
  [HEADERS.ifMatch, IfMatchHeader],
  [HEADERS.idempotencyKey, IdempotencyKeyHeader],
  [HEADERS.auditReason, AuditReasonHeader],
] as const;

/**
 * Validates the headers a deletion reads (`If-Match`, `Idempotency-Key`, `X-Audit-Reason`) before
 * anything runs: a malformed one is a 400 naming the header (audited as a refusal), never a
 * silently cut or ignored value.
 *
 * @example
 * app.on("DELETE", "/admin/cleanup/locks/:lockId", deletionHeaders(), handler);
 */
export function deletionHeaders() {
  return createMiddleware<AppEnv>(async function deletionHeaders(c, next) {
    if (c.req.method === "DELETE" || c.req.method === "POST") {
      const details = CHECKED.flatMap(([name, schema]) => {
        const value = c.req.header(name);
        if (value === undefined) return [];
        const parsed = schema.safeParse(value);
        return parsed.success
          ? []
          : [{ field: name, message: parsed.error.issues[0]?.message ?? "is invalid" }];
      });
      if (details.length > 0) throw ApiError.badRequest(details);
    }
    await next();
  });
}
