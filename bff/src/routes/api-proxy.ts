import { HEADERS, IfMatchHeader } from "@cleanup/shared";
import type { Context } from "hono";
import { matchAllowedRoute } from "../allowlist.ts";
import { errorBody } from "../errors.ts";
import type { AppEnv } from "../types.ts";
import { callUpstream } from "../upstream.ts";

/** Request headers the api may see from the browser; credentials and everything else stay behind. */
const FORWARDED_REQUEST_HEADERS = [
  "Content-Type",
  "Accept",
  HEADERS.ifMatch,
  HEADERS.idempotencyKey,
  HEADERS.auditReason,
  // `Prefer: respond-async`: a deletion answers 202 with its job at once.
  "Prefer",
] as const;
/** Response headers of the api the console needs besides the body (DESIGN section 4). */
const PASSED_BACK_RESPONSE_HEADERS = [
  "Content-Type",
  HEADERS.idempotentReplayed,
  HEADERS.retryAfter,
  HEADERS.location,
] as const;
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const PREFIX = "/bff/api/";

/**
 * `ALL /bff/api/:env/*`: forwards an allowlisted api call to that environment's api with the
 * session's JWT and the environment's admin key. Runs after requireCsrfHeader and requireSession.
 */
export async function forwardToApi(c: Context<AppEnv>) {
  const { config, requestId } = c.var;
  const session = c.var.session!;
  // The raw, still-encoded path: parameters are checked as sent, never after decoding.
  const url = new URL(c.req.url);
  const rest = url.pathname.slice(PREFIX.length);
  const slash = rest.indexOf("/");
  const envName = rest.slice(0, slash);
  const env = config.environments.find((e) => e.name === envName);
  if (!env) return c.json(errorBody.notFound(`No environment named ${JSON.stringify(envName)}`), 404);
  const route = matchAllowedRoute(c.req.method, rest.slice(slash));
  if (!route) {
    logRefusal(c, 404, "not an api route");
    return c.json(errorBody.notFound(`${c.req.method} ${rest.slice(slash)} is not an api route`), 404);
  }
  if (!route.ok) {
    const message = route.details.map((d) => `${d.field} ${d.message}`).join("; ");
    logRefusal(c, 400, message);
    return c.json(errorBody.badRequest(message, route.details), 400);
  }

  // workerd drops an empty If-Match before the api sees it; this bff still sees it, and refuses it.
  const ifMatch = c.req.header(HEADERS.ifMatch);
  if (ifMatch !== undefined && !IfMatchHeader.safeParse(ifMatch).success) {
    const details = [{ field: HEADERS.ifMatch, message: 'must be one quoted plan token: "<planToken>"' }];
    logRefusal(c, 400, `${HEADERS.ifMatch} is malformed`);
    return c.json(errorBody.badRequest(`Invalid ${HEADERS.ifMatch}`, details), 400);
  }

  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = c.req.header(name);
    if (value !== undefined) headers[name] = value;
  }
  headers.Authorization = `Bearer ${session.jwt}`;
  headers[HEADERS.adminKey] = env.adminKey;
  headers[HEADERS.requestId] = requestId;
  const body = c.req.method === "GET" ? undefined : await c.req.arrayBuffer();

  const result = await callUpstream({
    url: `${env.apiUrl}${route.path}${url.search}`,
    method: c.req.method,
    headers,
    body: body && body.byteLength > 0 ? body : undefined,
    timeoutMs: route.timeout === "long" ? config.apiLongTimeoutMs : config.apiTimeoutMs,
    label: `The ${env.name} api`,
    requestId,
  });
  if (!result.ok) return c.json(result.body, result.status);

  const responseHeaders = new Headers({
    [HEADERS.requestId]: result.headers.get(HEADERS.requestId) ?? requestId,
  });
  for (const name of PASSED_BACK_RESPONSE_HEADERS) {
    const value = result.headers.get(name);
    if (value !== null) responseHeaders.set(name, value);
  }
  const responseBody = NULL_BODY_STATUSES.has(result.status) ? null : result.body;
  return new Response(responseBody, { status: result.status, headers: responseHeaders });
}

/**
 * A state-changing call the bff stops never reaches the api's audit log: it is logged here, with
 * who sent it, so an attempt is still on record.
 */
function logRefusal(c: Context<AppEnv>, status: number, why: string) {
  if (c.req.method === "GET") return;
  const { requestId, session } = c.var;
  console.warn(
    `[bff] ${requestId} refused ${c.req.method} ${c.req.path} from ${session?.email}: ${status} ${why}`,
  );
}
