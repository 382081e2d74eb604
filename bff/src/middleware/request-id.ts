import { HEADERS } from "@cleanup/shared";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../types.ts";

/**
 * Gives every request a fresh UUID in `c.var.requestId` and the `X-Request-Id` response header.
 * A browser-sent id is ignored: the id must be one this bff vouches for in its logs.
 *
 * @example
 * app.use(requestId());
 */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async function requestIdMiddleware(c, next) {
    const id = crypto.randomUUID();
    c.set("requestId", id);
    await next();
    // On the response's own headers: c.header() after next() would copy the whole response.
    const headers = c.res.headers;
    if (!headers.has(HEADERS.requestId)) headers.set(HEADERS.requestId, id);
  };
}
