import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorBody } from "../errors.ts";

/**
 * 413 for a request body over `maxBytes`: by its Content-Length before a byte is read, or counted
 * as it arrives when it has none (Hono's bodyLimit). GET and HEAD pass untouched: the bff reads and
 * forwards no body of theirs, and looking for one would build the whole web Request of every read.
 *
 * @example
 * app.use("/bff/*", requestBodyLimit({ maxBytes: 1024 * 1024 }));
 */
export function requestBodyLimit({ maxBytes }: { maxBytes: number }): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    // The rest of the body is never read, so this connection cannot carry another request: say so,
    // or the client's next call on it would find it closed under it.
    onError: (c) =>
      c.json(errorBody.payloadTooLarge(`Bodies are limited to ${maxBytes} bytes`), 413, {
        Connection: "close",
      }),
  });
  return async function requestBodyLimitMiddleware(c, next) {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    return limit(c, next);
  };
}
