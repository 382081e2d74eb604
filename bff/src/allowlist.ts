import { type BffTimeout, ENDPOINT_LIST, type FieldError } from "@cleanup/shared";

/** How long the bff waits for an upstream route: `long` is the dev reset, which can take minutes. */
export type RouteTimeout = BffTimeout;

interface AllowedRoute {
  method: "GET" | "POST" | "DELETE";
  /** Literal segments and `:params`; a trailing `/` is part of the route, as the api publishes it. */
  pattern: string;
  timeout: RouteTimeout;
}

/**
 * The api routes a browser may reach through the bff: the endpoints the shared endpoint table
 * marks `bff` (DESIGN §3's reads, deletions, jobs, archives and audit), at their published paths.
 */
export const ALLOWED_ROUTES: readonly AllowedRoute[] = ENDPOINT_LIST.flatMap((e) =>
  e.bff ? [{ method: e.method, pattern: e.path, timeout: e.bff }] : [],
);

/** The patterns split into segments once, at start. */
const COMPILED_ROUTES = ALLOWED_ROUTES.map((route) => ({
  ...route,
  segments: route.pattern.slice(1).split("/"),
}));

/**
 * A path parameter: ids, UUIDs and names only. No `%` (so no encoded `/`, `\`, `.` or NUL),
 * and no leading dot (so never a `.` or `..` segment).
 */
const PARAM_RE = /^[A-Za-z0-9_~:-][A-Za-z0-9._~:-]{0,199}$/;

export type MatchedRoute =
  /** The path to send upstream, rebuilt from the pattern and the checked parameters. */
  | { ok: true; path: string; timeout: RouteTimeout }
  /** An api route's shape, but a parameter no id can be (`..`, `%`, `\`): never forwarded. */
  | { ok: false; details: FieldError[] };

/**
 * Matches a raw (still percent-encoded) api path against the allowlist. A path of no api
 * route (a wrong method, `//`, another shape) is no match; a route's shape with an odd
 * parameter (`..`, encoded slashes) is `ok: false`, naming it. Whether an id is valid is the
 * api's to say (it audits refused deletions): the bff only keeps paths from being smuggled.
 *
 * @example
 * matchAllowedRoute("GET", "/admin/locks/42") // { ok: true, path: "/admin/locks/42", timeout: "default" }
 * matchAllowedRoute("GET", "/admin/locks/..%2fdev%2fseed") // { ok: false, details: [{ field: "lockId", … }] }
 * matchAllowedRoute("POST", "/auth/dev/token") // undefined
 */
export function matchAllowedRoute(method: string, rawPath: string): MatchedRoute | undefined {
  if (!rawPath.startsWith("/")) return undefined;
  const segments = rawPath.slice(1).split("/");
  let refused: MatchedRoute | undefined;
  for (const route of COMPILED_ROUTES) {
    if (route.method !== method) continue;
    const expected = route.segments;
    if (expected.length !== segments.length) continue;
    if (!expected.every((want, i) => want.startsWith(":") || want === segments[i])) continue;
    const details = oddParams(expected, segments);
    if (details.length === 0) return { ok: true, path: `/${segments.join("/")}`, timeout: route.timeout };
    refused ??= { ok: false, details };
  }
  return refused;
}

function oddParams(expected: string[], segments: string[]): FieldError[] {
  return expected.flatMap((want, i) => {
    const got = segments[i] as string;
    if (!want.startsWith(":") || PARAM_RE.test(got)) return [];
    const message = got === "" ? "is required" : "may hold only letters, digits and . _ ~ : - (not first: .)";
    return [{ field: want.slice(1), message }];
  });
}
