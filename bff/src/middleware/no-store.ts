import type { MiddlewareHandler } from "hono";

/**
 * `Cache-Control: no-store` on every answer: sessions, sign-in and api data are never cached.
 * Written on the response's own headers (c.header() after next() would copy the whole response).
 *
 * @example
 * app.use("/bff/*", noStore());
 */
export function noStore(): MiddlewareHandler {
  return async function noStoreMiddleware(c, next) {
    await next();
    c.res.headers.set("Cache-Control", "no-store");
  };
}
