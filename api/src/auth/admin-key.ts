import { HEADERS } from "@cleanup/shared";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AdminKeyState, AppEnv } from "../app-env.ts";
import { ApiError } from "../http/errors.ts";
import { secretsEqual } from "../lib/hash.ts";

/**
 * What the admin key headers say. `X-Admin-API-Key` (published name) and `X-API-Key` (the published
 * examples) are both accepted; sent together they must be the same key. Every comparison is in
 * constant time, and all of them run whatever the first one found.
 */
export async function readAdminKeyState(c: Context<AppEnv>): Promise<AdminKeyState> {
  const primary = c.req.header(HEADERS.adminKey);
  const alias = c.req.header(HEADERS.adminKeyAlias);
  const expected = c.var.config.adminApiKey;
  if (primary === undefined && alias === undefined) return "absent";
  if (primary !== undefined && alias !== undefined) {
    const [same, valid] = await Promise.all([secretsEqual(primary, alias), secretsEqual(primary, expected)]);
    if (!same) return "conflict";
    return valid ? "valid" : "invalid";
  }
  return (await secretsEqual(primary ?? alias ?? "", expected)) ? "valid" : "invalid";
}

/**
 * Refuses a request whose admin key is wrong, or whose two admin key headers disagree, with 401;
 * without one it is a 401 too, unless `optional` (endpoints 4 and 5, whose published callers send a
 * Bearer token alone: there a key is not needed, but a wrong one sent is still refused).
 * Runs after `authenticate()`.
 *
 * @example
 * app.use("/admin/*", requireAdminKey());
 * app.use("/organization/*", requireAdminKey({ optional: true }));
 */
export function requireAdminKey(options: { optional?: boolean } = {}) {
  return createMiddleware<AppEnv>(async function requireAdminKey(c, next) {
    const state = c.var.adminKey ?? "absent";
    if (state === "conflict") {
      throw ApiError.unauthorized(`${HEADERS.adminKey} and ${HEADERS.adminKeyAlias} disagree`);
    }
    if (state === "invalid") throw ApiError.unauthorized("Invalid admin API key");
    if (state === "absent" && !options.optional) {
      throw ApiError.unauthorized(`Missing admin API key (${HEADERS.adminKey})`);
    }
    await next();
  });
}
