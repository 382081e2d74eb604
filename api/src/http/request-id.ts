import { HEADERS } from "@cleanup/shared";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";

/** A client's own request id is kept only when it is short, printable ASCII. */
const CLIENT_ID_RE = /^[\x21-\x7e]{1,128}$/;

/**
 * Gives every request an id the api generated (`c.var.requestId`, the `X-Request-Id` response
 * header, the audit record's `requestId`). An `X-Request-Id` the client sent is never taken as
 * ours: it is kept as `clientRequestId`, so a caller cannot file a record under another request's id.
 *
 * @example
 * app.use(requestId());
 */
export function requestId() {
  return createMiddleware<AppEnv>(async function requestId(c, next) {
    const id = crypto.randomUUID();
    c.set("requestId", id);
    const sent = c.req.header(HEADERS.requestId)?.trim();
    if (sent && CLIENT_ID_RE.test(sent)) c.set("clientRequestId", sent);
    c.header(HEADERS.requestId, id);
    await next();
  });
}

/** `requestId` and, when the client sent one, `clientRequestId`: for bodies that report them. */
export function requestIds(c: Context<AppEnv>): { requestId: string; clientRequestId?: string } {
  const clientRequestId = c.var.clientRequestId;
  return clientRequestId === undefined
    ? { requestId: c.var.requestId }
    : { requestId: c.var.requestId, clientRequestId };
}
