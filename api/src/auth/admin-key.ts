import { HEADERS } from "@cleanup/shared";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { ApiError } from "../http/errors.ts";
import { secretsEqual } from "../lib/hash.ts";

/**
 * Requires the admin API key in `X-Admin-API-Key` (published name) or `X-API-Key` (the
 * published examples), compared in constant time against `ADMIN_API_KEY`.
 *
 * @example
 * app.use("/admin/*", requireAdminKey());
 */
export function requireAdminKey() {
  return createMiddleware<AppEnv>(async function requireAdminKey(c, next) {
    const sent = c.req.header(HEADERS.adminKey) ?? c.req.header(HEADERS.adminKeyAlias);
    if (!sent) throw ApiError.unauthorized(`Missing admin API key (${HEADERS.adminKey})`);
    if (!(await secretsEqual(sent, c.var.config.adminApiKey))) {
      throw ApiError.unauthorized("Invalid admin API key");
    }
    c.set("adminKeyAccepted", true);
    await next();
  });
}
