import type { MiddlewareHandler } from "hono";
import { withAnswerHeaders } from "../node-http.ts";

const NO_STORE = [["Cache-Control", "no-store"]] as const;

/**
 * `Cache-Control: no-store` on every answer: sessions, sign-in and api data are never cached.
 *
 * @example
 * app.use("/bff/*", noStore());
 */
export function noStore(): MiddlewareHandler {
  return async function noStoreMiddleware(c, next) {
    return withAnswerHeaders(c, next, NO_STORE);
  };
}
