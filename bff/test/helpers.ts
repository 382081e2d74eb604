import { inject } from "vitest";
import { createApp } from "../src/app.ts";
import { type Config, DEV_API_RESOURCE, loadConfig } from "../src/config.ts";
import { passwordLogin } from "../src/oidc/password-login.ts";
import { createSessionBox, FLOW_COOKIE, SESSION_COOKIE } from "../src/session-cookie.ts";
import { TEST_CLIENT_SECRET, TEST_PUBLIC_URL } from "./api.global-setup.ts";

export { OTHER_CLIENT_ID, SHORT_CLIENT_ID, TEST_CLIENT_SECRET, TEST_PUBLIC_URL } from "./api.global-setup.ts";

export const STAFF = "support@smartphonekey.com";
export const TEST_SECRET = "bff-test-session-secret-0123456789abcdef";

/** The env of a bff in front of the real api, signing in at the real local provider. */
export function testEnv(env: Record<string, string> = {}): Record<string, string> {
  return {
    API_URL_DEV: inject("apiUrl"),
    ADMIN_API_KEY: inject("adminKey"),
    SESSION_SECRET: TEST_SECRET,
    WEB_DIST: "/nonexistent-web-dist",
    BFF_PUBLIC_URL: TEST_PUBLIC_URL,
    OIDC_ISSUER: inject("idpIssuer"),
    OIDC_CLIENT_ID: "cleanup-console",
    OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
    OIDC_RESOURCE: DEV_API_RESOURCE,
    DEV_PASSWORD_LOGIN: "1",
    ...env,
  };
}

/** A config whose dev environment is the real api started by the global setup. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig(testEnv(env));
}

export async function testApp(env: Record<string, string> = {}) {
  return createApp(testConfig(env));
}
export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** The dev-only password sign-in (`POST /bff/login`), as scripts use it. */
export function loginRequest(app: TestApp, email: string, password = inject("devPassword")) {
  return app.request("/bff/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF": "1" },
    body: JSON.stringify({ email, password }),
  });
}

/** Signs in and returns the `Cookie` header a browser would send back. */
export async function signIn(app: TestApp, email = STAFF): Promise<string> {
  const res = await loginRequest(app, email);
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
  return sessionCookieOf(res)!;
}

/** `name=value` of a cookie a response sets, as a browser would send it back. */
export function cookieOf(res: Response, name: string): string | undefined {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  const pair = line?.split(";")[0];
  return pair && pair !== `${name}=` ? pair : undefined;
}

export function sessionCookieOf(res: Response): string | undefined {
  return cookieOf(res, SESSION_COOKIE);
}

/**
 * What a browser does in the code flow up to the callback: `/bff/login`, then the provider's own
 * sign-in form. Returns the callback path (with `code` and `state`) and the sign-in cookie.
 */
export async function browserToCallback(
  app: TestApp,
  { email = STAFF, password = inject("devPassword"), returnTo = "/dev/search" } = {},
) {
  const start = await app.request(`/bff/login?returnTo=${encodeURIComponent(returnTo)}`);
  if (start.status !== 302) throw new Error(`/bff/login: ${start.status} ${await start.text()}`);
  const authorization = new URL(start.headers.get("Location")!);
  const flowCookie = cookieOf(start, FLOW_COOKIE)!;
  const login = await passwordLogin(
    authorization,
    `${TEST_PUBLIC_URL}/bff/callback`,
    { email, password },
    undefined,
  );
  if (!login.ok) throw new Error(`provider sign-in: ${login.status}`);
  return { authorization, flowCookie, callback: `${login.callback.pathname}${login.callback.search}` };
}

/** Opens and reseals the sign-in cookie, as someone holding SESSION_SECRET could (to forge a flow). */
export async function rewriteFlowCookie(flowCookie: string, change: (flow: Record<string, unknown>) => void) {
  const box = await createSessionBox(TEST_SECRET);
  const flow = (await box.open(FLOW_COOKIE, flowCookie.slice(FLOW_COOKIE.length + 1))) as Record<
    string,
    unknown
  >;
  change(flow);
  return `${FLOW_COOKIE}=${await box.seal(FLOW_COOKIE, flow)}`;
}

/** Calls the api through the bff the way the console does: session cookie plus `X-CSRF: 1`. */
export function apiCall(app: TestApp, cookie: string, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("Cookie", cookie);
  if (!headers.has("X-CSRF")) headers.set("X-CSRF", "1");
  return app.request(`/bff/api${path}`, { ...init, headers });
}
