import { describe, expect, it } from "vitest";
import { apiCall, SHORT_CLIENT_ID, sessionCookieOf, signIn, TEST_SECRET, testApp } from "../test/helpers.ts";
import { Session } from "./session.ts";
import { createSessionBox, SESSION_COOKIE } from "./session-cookie.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openCookie(cookie: string): Promise<Session> {
  const box = await createSessionBox(TEST_SECRET);
  return Session.parse(await box.open(SESSION_COOKIE, cookie.slice(SESSION_COOKIE.length + 1)));
}

describe("a session's tokens", () => {
  it("are refreshed at the provider before the access token expires, and the api takes the new one", async () => {
    // This client's access tokens live 6 s; the bff refreshes in their last quarter.
    const app = await testApp({ OIDC_CLIENT_ID: SHORT_CLIENT_ID, SESSION_RECHECK_SECONDS: "55" });
    const cookie = await signIn(app);
    const before = await openCookie(cookie);
    expect(before.accessExp - Math.floor(before.accessAt / 1000)).toBeLessThanOrEqual(6);

    expect((await apiCall(app, cookie, "/dev/admin/environment")).status).toBe(200);
    await sleep(5_000);
    const res = await apiCall(app, cookie, "/dev/admin/environment");
    expect(res.status).toBe(200);
    const renewed = await openCookie(sessionCookieOf(res)!);
    expect(renewed.sid).toBe(before.sid);
    expect(renewed.jwt).not.toBe(before.jwt);
    expect(renewed.accessExp).toBeGreaterThan(before.accessExp);
    expect(renewed.authAt).toBe(before.authAt); // a refresh does not extend the absolute lifetime

    await sleep(2_000); // the first token has expired by now; the renewed one works
    expect((await apiCall(app, sessionCookieOf(res)!, "/dev/admin/environment")).status).toBe(200);
  });
});

describe("a session", () => {
  it("ends after the idle lifetime, and activity keeps it going until then", async () => {
    const app = await testApp({ SESSION_IDLE_SECONDS: "2" });
    let cookie = await signIn(app);
    for (let i = 0; i < 3; i++) {
      await sleep(1_200);
      const res = await app.request("/bff/session", { headers: { Cookie: cookie } });
      expect(res.status).toBe(200);
      cookie = sessionCookieOf(res) ?? cookie;
    }
    await sleep(2_200);
    const idle = await app.request("/bff/session", { headers: { Cookie: cookie } });
    expect(idle.status).toBe(401);
    expect(idle.headers.getSetCookie().join()).toMatch(/__Host-cleanup_session=;.*Max-Age=0/);
  });

  it("ends after the absolute lifetime, however active", async () => {
    const app = await testApp({ SESSION_IDLE_SECONDS: "60", SESSION_ABSOLUTE_SECONDS: "3" });
    let cookie = await signIn(app);
    const started = Date.now();
    while (Date.now() - started < 2_500) {
      const res = await app.request("/bff/session", { headers: { Cookie: cookie } });
      expect(res.status).toBe(200);
      cookie = sessionCookieOf(res) ?? cookie;
      await sleep(500);
    }
    await sleep(800);
    expect((await app.request("/bff/session", { headers: { Cookie: cookie } })).status).toBe(401);
    expect((await apiCall(app, cookie, "/dev/admin/environment")).status).toBe(401);
  });

  it("reports when it ends if nothing more happens", async () => {
    const app = await testApp({ SESSION_IDLE_SECONDS: "600" });
    const res = await app.request("/bff/session", { headers: { Cookie: await signIn(app) } });
    const { expiresAt } = await res.json();
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(590_000);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(600_000);
  });
});
