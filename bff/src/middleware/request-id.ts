import { HEADERS } from "@cleanup/shared";
import type { MiddlewareHandler } from "hono";
import { withAnswerHeaders } from "../node-http.ts";
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
    // An answer carrying its own id (the api's, for a forwarded call) keeps it.
    return withAnswerHeaders(c, next, [[HEADERS.requestId, id]]);
  };
}
