import { HEADERS, IfMatchHeader } from "@cleanup/shared";
import type { Context } from "hono";
import { matchAllowedRoute } from "../allowlist.ts";
import type { Config, EnvironmentConfig } from "../config.ts";
import { errorBody } from "../errors.ts";
import { requestHeader } from "../node-http.ts";
import type { AppEnv } from "../types.ts";
import { callUpstream } from "../upstream.ts";

/**
 * Request headers the api may see from the browser; credentials and everything else stay behind.
 * `Accept-Encoding` goes through so the api's compressed answer streams to the browser as it is.
 */
const FORWARDED_REQUEST_HEADERS = [
  "Content-Type",
  "Accept",
  "Accept-Encoding",
  HEADERS.ifMatch,
  HEADERS.idempotencyKey,
  HEADERS.auditReason,
  // `Prefer: respond-async`: a deletion answers 202 with its job at once.
  "Prefer",
].map((name) => [name, name.toLowerCase() as Lowercase<string>] as const);
/**
 * Response headers of the api the console needs besides the body (DESIGN section 4), and those
 * that describe the streamed body itself; with the lower-case name undici hands them over by.
 */
const PASSED_BACK_RESPONSE_HEADERS = [
  "Content-Type",
  "Content-Length",
  "Content-Encoding",
  HEADERS.idempotentReplayed,
  HEADERS.retryAfter,
  HEADERS.location,
].map((name) => [name, name.toLowerCase()] as const);
const REQUEST_ID = HEADERS.requestId.toLowerCase();
const PREFIX = "/bff/api/";

/**
 * `ALL /bff/api/:env/*`: forwards an allowlisted api call to that environment's api with the
 * session's JWT and the environment's admin key, and streams the answer back (capped at
 * `config.apiMaxResponseBytes`). Runs after requireCsrfHeader and requireSession.
 *
 * @example
 * app.all("/bff/api/:env/*", forwardToApi(config));
 */
export function forwardToApi(config: Config) {
  const environments = new Map(config.environments.map((e) => [e.name, upstreamOf(e)]));

  return async function forwardToApiHandler(c: Context<AppEnv>) {
    const requestId = c.get("requestId");
    const session = c.get("session")!;
    // The raw, still-encoded path and query: parameters are checked as sent, never after decoding.
    const { path, search } = rawPathAndQuery(c.req.url);
    const rest = path.slice(PREFIX.length);
    const slash = rest.indexOf("/");
    const envName = slash < 0 ? rest : rest.slice(0, slash);
    const env = environments.get(envName);
    if (!env || slash < 0) {
      return c.json(errorBody.notFound(`No environment named ${JSON.stringify(envName)}`), 404);
    }
    const apiPath = rest.slice(slash);
    const route = matchAllowedRoute(c.req.method, apiPath);
    if (!route) {
      logRefusal(c, 404, "not an api route");
      return c.json(errorBody.notFound(`${c.req.method} ${apiPath} is not an api route`), 404);
    }
    if (!route.ok) {
      const message = route.details.map((d) => `${d.field} ${d.message}`).join("; ");
      logRefusal(c, 400, message);
      return c.json(errorBody.badRequest(message, route.details), 400);
    }

    // workerd drops an empty If-Match before the api sees it; this bff still sees it, and refuses it.
    const ifMatch = requestHeader(c, "if-match");
    if (ifMatch !== undefined && !IfMatchHeader.safeParse(ifMatch).success) {
      const details = [{ field: HEADERS.ifMatch, message: 'must be one quoted plan token: "<planToken>"' }];
      logRefusal(c, 400, `${HEADERS.ifMatch} is malformed`);
      return c.json(errorBody.badRequest(`Invalid ${HEADERS.ifMatch}`, details), 400);
    }

    const headers: Record<string, string> = {};
    for (const [name, lower] of FORWARDED_REQUEST_HEADERS) {
      const value = requestHeader(c, lower);
      if (value !== undefined) headers[name] = value;
    }
    headers.Authorization = `Bearer ${session.jwt}`;
    headers[HEADERS.adminKey] = env.adminKey;
    headers[HEADERS.requestId] = requestId;
    // Request bodies are small (the bodyLimit middleware caps them at 1 MiB): read whole, sent with their length.
    const body = c.req.method === "GET" ? undefined : new Uint8Array(await c.req.arrayBuffer());

    const result = await callUpstream({
      origin: env.origin,
      path: `${env.basePath}${route.path}${search}`,
      method: c.req.method,
      headers,
      body: body && body.byteLength > 0 ? body : undefined,
      timeoutMs: route.timeout === "long" ? config.apiLongTimeoutMs : config.apiTimeoutMs,
      maxResponseBytes: config.apiMaxResponseBytes,
      label: env.label,
      requestId,
    });
    if (!result.ok) return c.json(result.body, result.status);

    const responseHeaders: Record<string, string> = {
      [HEADERS.requestId]: headerValue(result.headers[REQUEST_ID]) ?? requestId,
    };
    for (const [name, lower] of PASSED_BACK_RESPONSE_HEADERS) {
      const value = headerValue(result.headers[lower]);
      if (value !== undefined) responseHeaders[name] = value;
    }
    return new Response(result.body, { status: result.status, headers: responseHeaders });
  };
}

/** What is known of an environment's api at start: where it is and how errors name it. */
function upstreamOf(env: EnvironmentConfig) {
  const url = new URL(env.apiUrl);
  return {
    origin: url.origin,
    basePath: url.pathname.replace(/\/+$/, ""),
    adminKey: env.adminKey,
    label: `The ${env.name} api`,
  };
}

/**
 * The path and query string of a request URL exactly as sent (`new URL` would normalise them).
 *
 * @example
 * rawPathAndQuery("http://h/bff/api/dev/admin/locks/%2e%2e?x=1") // { path: "/bff/api/dev/admin/locks/%2e%2e", search: "?x=1" }
 */
export function rawPathAndQuery(url: string): { path: string; search: string } {
  const start = url.indexOf("/", url.indexOf("://") + 3);
  if (start < 0) return { path: "/", search: "" };
  const query = url.indexOf("?", start);
  const end = query < 0 ? url.length : query;
  const hash = url.indexOf("#", start);
  return {
    path: url.slice(start, hash >= 0 && hash < end ? hash : end),
    search: query < 0 ? "" : url.slice(query, hash > query ? hash : url.length),
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
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
