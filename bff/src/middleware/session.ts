import type { MiddlewareHandler } from "hono";
import { errorBody } from "../errors.ts";
import { readSessionCookie, type SessionBox } from "../session-cookie.ts";
import type { AppEnv } from "../types.ts";

/**
 * Opens the session cookie into `c.var.session`; a tampered, foreign or expired cookie yields none.
 *
 * @example
 * app.use("/bff/*", session({ box }));
 */
export function session(options: { box: SessionBox; now?: () => number }): MiddlewareHandler<AppEnv> {
  const now = options.now ?? Date.now;
  return async function sessionMiddleware(c, next) {
    const raw = readSessionCookie(c);
    const opened = raw ? await options.box.open(raw) : undefined;
    c.set("session", opened && opened.exp * 1000 > now() ? opened : undefined);
    await next();
  };
}

/**
 * 401 unless `session()` found a live session.
 *
 * @example
 * app.get("/bff/session", requireSession(), (c) => c.json(c.var.session));
 */
export function requireSession(): MiddlewareHandler<AppEnv> {
  return async function requireSessionMiddleware(c, next) {
    if (!c.var.session) return c.json(errorBody.unauthorized("Sign in to continue"), 401);
    await next();
  };
}
