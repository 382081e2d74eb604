import { SessionResponse } from "@cleanup/shared";
import { beforeAll, describe, expect, it } from "vitest";
import {
  loginRequest,
  STAFF,
  sessionCookieOf,
  signIn,
  TEST_SECRET,
  type TestApp,
  testApp,
} from "../../test/helpers.ts";
import { MAX_FAILED_SIGN_INS } from "../login-throttle.ts";
import { createSessionBox } from "../session-cookie.ts";

let app: TestApp;
beforeAll(async () => {
  app = await testApp();
});

describe("signing in", () => {
  it("gives staff an HttpOnly, Secure, SameSite=Strict __Host- cookie and never the token itself", async () => {
    const res = await loginRequest(app, STAFF);
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/^__Host-cleanup_session=[A-Za-z0-9_-]+;/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/Domain=/i);
    const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie)?.[1]);
    expect(maxAge).toBeGreaterThan(60);

    const text = await res.text();
    const session = SessionResponse.parse(JSON.parse(text));
    expect(session.email).toBe(STAFF);
    expect(session.environments).toEqual([{ name: "dev", kind: "dev" }]);
    expect(Date.parse(session.expiresAt) / 1000).toBeCloseTo(Date.now() / 1000 + maxAge, -1);
    // No JWT anywhere the page could read it: not in the body, not in the cookie in clear.
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(setCookie).not.toMatch(/eyJ/);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("stops asking after repeated wrong passwords, even for the right one, with 429 and Retry-After", async () => {
    const throttled = await testApp();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect((await loginRequest(throttled, STAFF, `wrong-${i}`)).status).toBe(401);
    }
    const res = await loginRequest(throttled, STAFF);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(60);
    expect(await res.json()).toMatchObject({ error: "Too Many Requests", code: 429 });
    expect(sessionCookieOf(res)).toBeUndefined();
    // Other accounts are not held back by it.
    expect((await loginRequest(throttled, "admin@smartphonekey.com")).status).toBe(200);
  });

  it("refuses a wrong password with 401 and no cookie", async () => {
    const res = await loginRequest(app, STAFF, "not-the-password");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "Unauthorized", code: 401 });
    expect(sessionCookieOf(res)).toBeUndefined();
  });

  it.each(["mallory@smartphonekey.com.evil.example", "alice@example.com", "owner@acme.example"])(
    "refuses %s, who is not staff, with 403",
    async (email) => {
      const res = await loginRequest(app, email);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        error: "Forbidden",
        message: "Only SmartphoneKey staff can sign in to Cleanup Console",
        code: 403,
      });
      expect(sessionCookieOf(res)).toBeUndefined();
    },
  );

  it("answers a malformed body with 400 naming the field", async () => {
    const json = { "Content-Type": "application/json", "X-CSRF": "1" };
    const missing = await app.request("/bff/login", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ email: STAFF }),
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: "Bad Request",
      code: 400,
      details: [{ field: "password", message: "is required" }],
    });

    const wrongType = await app.request("/bff/login", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ email: 42, password: "x" }),
    });
    expect((await wrongType.json()).details).toEqual([{ field: "email", message: expect.any(String) }]);

    const notJson = await app.request("/bff/login", {
      method: "POST",
      headers: json,
      body: "email=a&password=b",
    });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).details).toEqual([{ field: "body", message: "must be JSON" }]);
  });

  it("refuses a sign-in without X-CSRF: 1 or a JSON Content-Type: a cross-site text/plain form signs no one in", async () => {
    // What an HTML form with enctype="text/plain" can send: a valid JSON body, typed text/plain.
    const body = JSON.stringify({ email: STAFF, password: "dev-password", x: "=" });
    const attempts: { headers: Record<string, string>; status: number; field?: string }[] = [
      { headers: { "Content-Type": "text/plain" }, status: 401 },
      { headers: { "Content-Type": "text/plain", "X-CSRF": "1" }, status: 400, field: "Content-Type" },
      { headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF": "1" }, status: 400 },
      { headers: { "Content-Type": "application/json" }, status: 401 },
      { headers: { "Content-Type": "application/json", "X-CSRF": "0" }, status: 401 },
    ];
    for (const { headers, status, field } of attempts) {
      const res = await app.request("/bff/login", { method: "POST", headers, body });
      expect(res.status, JSON.stringify(headers)).toBe(status);
      expect(sessionCookieOf(res), JSON.stringify(headers)).toBeUndefined();
      if (field) expect((await res.json()).details).toEqual([{ field, message: "must be application/json" }]);
    }
    const ok = await app.request("/bff/login", {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8", "X-CSRF": "1" },
      body,
    });
    expect(ok.status).toBe(200);
  });

  it("refuses a sign-in another site's page submits", async () => {
    const res = await app.request("/bff/login", {
      method: "POST",
      headers: { "Sec-Fetch-Site": "cross-site", "Content-Type": "application/json" },
      body: JSON.stringify({ email: STAFF, password: "dev-password" }),
    });
    expect(res.status).toBe(403);
    expect(sessionCookieOf(res)).toBeUndefined();
  });
});

describe("the session", () => {
  it("is reported to the signed-in user and ends at sign-out", async () => {
    const cookie = await signIn(app, "admin@smartphonekey.com");
    const session = await app.request("/bff/session", { headers: { Cookie: cookie } });
    expect(session.status).toBe(200);
    expect(SessionResponse.parse(await session.json())).toMatchObject({ email: "admin@smartphonekey.com" });

    const logout = await app.request("/bff/logout", { method: "POST", headers: { Cookie: cookie } });
    expect(logout.status).toBeLessThan(300);
    expect(logout.headers.getSetCookie().join()).toMatch(/^__Host-cleanup_session=;.*Max-Age=0/);

    // The browser drops the cookie, so the next call has none.
    expect((await app.request("/bff/session")).status).toBe(401);
  });

  it("is 401 without a cookie, with a tampered one, or with one another secret sealed", async () => {
    const cookie = await signIn(app);
    const tampered = cookie.slice(0, -4) + (cookie.endsWith("AAAA") ? "BBBB" : "AAAA");
    const foreignBox = await createSessionBox("some-other-deployment-secret-0123456789");
    const foreign = `__Host-cleanup_session=${await foreignBox.seal({ jwt: "x", email: STAFF, name: "x", exp: 9e9 })}`;
    for (const headers of [{}, { Cookie: tampered }, { Cookie: foreign }] as Record<string, string>[]) {
      const res = await app.request("/bff/session", { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "Unauthorized", code: 401 });
    }
  });

  it("is 401 once the token inside has expired", async () => {
    const box = await createSessionBox(TEST_SECRET);
    const expired = await box.seal({
      jwt: "x",
      email: STAFF,
      name: "Support",
      exp: Math.floor(Date.now() / 1000) - 1,
    });
    const res = await app.request("/bff/session", {
      headers: { Cookie: `__Host-cleanup_session=${expired}` },
    });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().join()).toMatch(/Max-Age=0/);
  });

  it("survives a restart and spans replicas that share SESSION_SECRET", async () => {
    const cookie = await signIn(app);
    const otherReplica = await testApp();
    expect((await otherReplica.request("/bff/session", { headers: { Cookie: cookie } })).status).toBe(200);
  });
});
