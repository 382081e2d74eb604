import { inject } from "vitest";
import { createApp } from "../src/app.ts";
import { type Config, loadConfig } from "../src/config.ts";
import { SESSION_COOKIE } from "../src/session-cookie.ts";

export const STAFF = "support@smartphonekey.com";
export const TEST_SECRET = "bff-test-session-secret-0123456789abcdef";

/** A config whose dev environment is the real api started by the global setup. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    API_URL_DEV: inject("apiUrl"),
    ADMIN_API_KEY: inject("adminKey"),
    SESSION_SECRET: TEST_SECRET,
    WEB_DIST: "/nonexistent-web-dist",
    ...env,
  });
}

export async function testApp(env: Record<string, string> = {}) {
  return createApp(testConfig(env));
}
export type TestApp = Awaited<ReturnType<typeof testApp>>;

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

/** `name=value` of the session cookie a response sets, as a browser would send it back. */
export function sessionCookieOf(res: Response): string | undefined {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return line?.split(";")[0];
}

/** Calls the api through the bff the way the console does: session cookie plus `X-CSRF: 1`. */
export function apiCall(app: TestApp, cookie: string, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("Cookie", cookie);
  if (!headers.has("X-CSRF")) headers.set("X-CSRF", "1");
  return app.request(`/bff/api${path}`, { ...init, headers });
}
