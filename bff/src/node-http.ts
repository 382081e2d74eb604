import type { IncomingMessage, ServerResponse } from "node:http";
import type { Context, Next } from "hono";

/** What @hono/node-server hands every request beside the web Request: Node's own objects. */
interface NodeBindings {
  incoming?: IncomingMessage;
  outgoing?: ServerResponse;
}

/**
 * A request header, read from Node's own parsed headers when @hono/node-server serves the request:
 * the first `c.req.header()` builds a whole web Headers object of the request, which the hot path
 * never needs. In-process (`app.request`, tests) it is `c.req.header()`.
 *
 * @example
 * requestHeader(c, "x-csrf") // "1"
 */
export function requestHeader(c: Context, name: Lowercase<string>): string | undefined {
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * Runs the rest of the chain with `headers` on its answer, unless the answer sets them itself.
 * Served by @hono/node-server they go on Node's response before the handler runs, so the answer's
 * headers stay the plain object the handler gave and leave with its body in one write; touching
 * `c.res.headers` after `next()` would build a web Headers object of every answer (and
 * `c.header()` would copy the whole answer). In-process they are added to `c.res` afterwards.
 *
 * @example
 * return async function noStoreMiddleware(c, next) {
 *   return withAnswerHeaders(c, next, [["Cache-Control", "no-store"]]);
 * };
 */
export async function withAnswerHeaders(
  c: Context,
  next: Next,
  headers: readonly (readonly [string, string])[],
): Promise<void> {
  const outgoing = (c.env as NodeBindings | undefined)?.outgoing;
  if (outgoing && !outgoing.headersSent) {
    for (const [name, value] of headers) outgoing.setHeader(name, value);
    return next();
  }
  await next();
  const answer = c.res.headers;
  for (const [name, value] of headers) if (!answer.has(name)) answer.set(name, value);
}
