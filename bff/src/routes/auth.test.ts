import { SessionResponse } from "@cleanup/shared";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  apiCall,
  browserToCallback,
  cookieOf,
  loginRequest,
  OTHER_CLIENT_ID,
  rewriteFlowCookie,
  STAFF,
  sessionCookieOf,
  signIn,
  TEST_CLIENT_SECRET,
  TEST_PUBLIC_URL,
  TEST_SECRET,
  type TestApp,
  testApp,
  testConfig,
} from "../../test/helpers.ts";
import { passwordLogin } from "../oidc/password-login.ts";
import { createRelyingParty, SignInFlow } from "../oidc/relying-party.ts";
import { createSessionBox, FLOW_COOKIE, SESSION_COOKIE } from "../session-cookie.ts";
import { MAX_SESSION_COOKIE_BYTES, safeReturnTo } from "./auth.ts";

let app: TestApp;
beforeAll(async () => {
  app = await testApp();
});

/** The callback a browser brings back, with the sign-in cookie it holds. */
function callback(target: TestApp, path: string, flowCookie: string) {
  return target.request(path, { headers: { Cookie: flowCookie } });
}

function expectRefusedPage(res: Response, text: RegExp) {
  expect(res.status).toBe(400);
  expect(res.headers.get("Content-Type")).toMatch(/text\/html/);
  expect(sessionCookieOf(res)).toBeUndefined();
  return res.text().then((body) => {
    expect(body).toMatch(/Sign-in failed/);
    expect(body).toMatch(text);
    expect(body).toMatch(/You are not signed in/);
  });
}

describe("signing in with OpenID Connect", () => {
  it("sends the browser to the provider with PKCE (S256), state and nonce, kept only in a sealed cookie", async () => {
    const res = await app.request("/bff/login?returnTo=/dev/locks/1001");
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get("Location")!);
    expect(to.origin).toBe(inject("idpIssuer"));
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: "cleanup-console",
      response_type: "code",
      redirect_uri: `${TEST_PUBLIC_URL}/bff/callback`,
      code_challenge_method: "S256",
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.stringMatching(/^[\w-]{20,}$/),
      nonce: expect.stringMatching(/^[\w-]{20,}$/),
      scope: expect.stringContaining("openid"),
    });
    const line = res.headers.getSetCookie().find((c) => c.startsWith(`${FLOW_COOKIE}=`))!;
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; Secure/);
    expect(line).toMatch(/; SameSite=Lax/); // the provider's redirect back is a cross-site navigation
    expect(line).not.toContain(to.searchParams.get("state")!); // sealed, not in clear
  });

  it("completes the whole code flow: a session, back on the page asked for, and the api accepts the token", async () => {
    const { callback: path, flowCookie } = await browserToCallback(app, {
      returnTo: "/dev/locks/1001?mode=DELETE_DO_ONLY",
    });
    const res = await callback(app, path, flowCookie);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/dev/locks/1001?mode=DELETE_DO_ONLY");
    const cookie = sessionCookieOf(res)!;
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(
      /__Host-cleanup_session=[\w-]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Strict/,
    );
    expect(setCookie).not.toMatch(/eyJ/); // no token in clear
    expect(setCookie).toMatch(new RegExp(`${FLOW_COOKIE}=;.*Max-Age=0`)); // the sign-in is used up

    const session = await app.request("/bff/session", { headers: { Cookie: cookie } });
    expect(SessionResponse.parse(await session.json())).toMatchObject({ email: STAFF, name: "Sam Support" });
    const environment = await apiCall(app, cookie, "/dev/admin/environment");
    expect(environment.status).toBe(200);
    expect(await environment.json()).toMatchObject({ name: "dev" });
  });

  it.each([
    ["//evil.example/x", "/"],
    ["https://evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/bff/logout", "/"],
    ["/dev/search?q=1001", "/dev/search?q=1001"],
  ])("sends returnTo=%s back to %s only", (given, expected) => {
    expect(safeReturnTo(given)).toBe(expected);
  });

  it("refuses a tampered state with a clear page and no session", async () => {
    const { callback: path, flowCookie } = await browserToCallback(app);
    const tampered = path.replace(/state=[^&]+/, "state=forged-by-someone-else-0123456789");
    await expectRefusedPage(
      await callback(app, tampered, flowCookie),
      /does not belong to the sign-in this browser started/,
    );
  });

  it("refuses a replayed code with a clear page and no session", async () => {
    const { callback: path, flowCookie } = await browserToCallback(app);
    expect((await callback(app, path, flowCookie)).status).toBe(302);
    // The same response again, with the same sign-in cookie (as an attacker who copied both would send it).
    await expectRefusedPage(await callback(app, path, flowCookie), /already used/);
  });

  it("refuses an ID token whose nonce is not the one this sign-in sent", async () => {
    const { callback: path, flowCookie } = await browserToCallback(app);
    const wrongNonce = await rewriteFlowCookie(flowCookie, (flow) => {
      flow.nonce = "a-nonce-this-sign-in-never-sent-0123456789";
    });
    await expectRefusedPage(
      await callback(app, path, wrongNonce),
      /not issued for the sign-in this browser started/,
    );
  });

  it("refuses a code without the PKCE verifier it was issued for", async () => {
    const { callback: path, flowCookie } = await browserToCallback(app);
    const otherVerifier = await rewriteFlowCookie(flowCookie, (flow) => {
      flow.codeVerifier = "another-verifier-of-forty-three-characters-000";
    });
    await expectRefusedPage(
      await callback(app, path, otherVerifier),
      /already used, has expired, or was issued/,
    );
  });

  it("refuses a code and ID token issued to another application (another audience)", async () => {
    const other = await testApp({ OIDC_CLIENT_ID: OTHER_CLIENT_ID });
    const { callback: path, flowCookie } = await browserToCallback(other);
    await expectRefusedPage(await callback(app, path, flowCookie), /issued to another application/);
  });

  it("refuses a callback this browser did not start, or that took too long", async () => {
    const { callback: path, flowCookie } = await browserToCallback(app);
    await expectRefusedPage(await app.request(path), /no sign-in under way/);
    const stale = await rewriteFlowCookie(flowCookie, (flow) => {
      flow.startedAt = Date.now() - 11 * 60 * 1000;
    });
    await expectRefusedPage(await callback(app, path, stale), /no sign-in under way/);
  });

  it.each(["mallory@smartphonekey.com.evil.example", "alice@example.com", "owner@acme.example"])(
    "refuses %s, who is not staff, after the provider's page: no session, the provider's session ended, and why",
    async (email) => {
      const { callback: path, flowCookie } = await browserToCallback(app, { email });
      const res = await callback(app, path, flowCookie);
      expect(res.status).toBe(302);
      expect(sessionCookieOf(res)).toBeUndefined();
      const endSession = new URL(res.headers.get("Location")!);
      expect(endSession.href).toMatch(new RegExp(`^${inject("idpIssuer")}/session/end\\?`));
      expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe(
        `${TEST_PUBLIC_URL}/bff/logged-out`,
      );
      expect(endSession.searchParams.get("state")).toBe("not-staff");
      const back = await app.request("/bff/logged-out?state=not-staff");
      expect(back.headers.get("Location")).toBe("/sign-in?refused=not-staff");
    },
  );
});

describe("the dev-only password sign-in (POST /bff/login)", () => {
  it("signs staff in through the provider and never hands out the token", async () => {
    const res = await loginRequest(app, STAFF);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(SessionResponse.parse(JSON.parse(text)).environments).toEqual([{ name: "dev", kind: "dev" }]);
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("keeps only the tokens it needs in the session cookie: no ID token, well under what browsers keep", async () => {
    const cookie = await signIn(app);
    const box = await createSessionBox(TEST_SECRET);
    const session = (await box.open(SESSION_COOKIE, cookie.slice(SESSION_COOKIE.length + 1))) as Record<
      string,
      unknown
    >;
    expect(Object.keys(session).sort()).toEqual(
      [
        "sid",
        "sub",
        "email",
        "name",
        "jwt",
        "accessExp",
        "accessAt",
        "refreshToken",
        "authAt",
        "seenAt",
        "checkedAt",
      ].sort(),
    );
    // The same run's baseline: this session as it was kept before, with the sign-in's ID token too.
    const { flowCookie, callback } = await browserToCallback(app);
    const flow = SignInFlow.parse(await box.open(FLOW_COOKIE, flowCookie.slice(FLOW_COOKIE.length + 1)));
    const tokens = await createRelyingParty(testConfig().oidc).finish(
      new URL(callback, TEST_PUBLIC_URL),
      flow,
    );
    expect(tokens.idToken).toMatch(/^eyJ/);
    const before = `${SESSION_COOKIE}=${await box.seal(SESSION_COOKIE, { ...session, idToken: tokens.idToken })}`;
    const figure = {
      bytes: cookie.length,
      withIdToken: before.length,
      ratio: +(cookie.length / before.length).toFixed(2),
    };
    console.log("[session cookie]", figure, `limit ${MAX_SESSION_COOKIE_BYTES}`);
    expect(cookie.length).toBeLessThan(MAX_SESSION_COOKIE_BYTES / 2);
  });

  it("refuses a wrong password with 401, and non-staff with 403, without a cookie", async () => {
    const wrong = await loginRequest(app, STAFF, "not-the-password");
    expect(wrong.status).toBe(401);
    expect(sessionCookieOf(wrong)).toBeUndefined();
    const mallory = await loginRequest(app, "mallory@smartphonekey.com.evil.example");
    expect(mallory.status).toBe(403);
    expect(await mallory.json()).toEqual({
      error: "Forbidden",
      message: "Only SmartphoneKey staff can sign in to Cleanup Console",
      code: 403,
    });
    expect(sessionCookieOf(mallory)).toBeUndefined();
  });

  it("signs no one in from a cross-site text/plain form carrying a JSON body", async () => {
    // What an HTML form with enctype="text/plain" can send, with no Sec-Fetch-Site or Origin to refuse it by.
    const body = JSON.stringify({ email: STAFF, password: "dev-password", x: "=" });
    const sent: Record<string, string>[] = [
      { "Content-Type": "text/plain" },
      { "Content-Type": "text/plain", "X-CSRF": "1" },
    ];
    for (const headers of sent) {
      const res = await app.request("/bff/login", { method: "POST", headers, body });
      expect(res.status, JSON.stringify(headers)).toBe("X-CSRF" in headers ? 400 : 401);
      expect(sessionCookieOf(res)).toBeUndefined();
    }
  });

  it("needs X-CSRF: 1 and a JSON body, naming what is wrong", async () => {
    const noCsrf = await app.request("/bff/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: STAFF, password: "x" }),
    });
    expect(noCsrf.status).toBe(401);
    const form = await app.request("/bff/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF": "1" },
      body: "email=a&password=b",
    });
    expect(form.status).toBe(400);
    expect((await form.json()).details).toEqual([
      { field: "Content-Type", message: "must be application/json" },
    ]);
    const missing = await app.request("/bff/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF": "1" },
      body: JSON.stringify({ email: STAFF }),
    });
    expect((await missing.json()).details).toEqual([{ field: "password", message: "is required" }]);
  });

  it("is not there outside dev", async () => {
    const production = await testApp({ DEV_PASSWORD_LOGIN: "0" });
    expect((await loginRequest(production, STAFF)).status).toBe(404);
  });

  it("throttles wrong passwords in the provider, so two bff copies share one count", async () => {
    const copyA = await testApp();
    const copyB = await testApp();
    // An account no other test signs in with: the count is the provider's, shared by every test
    // file, and a held-back admin@ would make another file's sign-in a 429.
    const email = "throttled@smartphonekey.com";
    for (const copy of [copyA, copyB, copyA, copyB, copyA]) {
      expect((await loginRequest(copy, email, "wrong")).status).toBe(401);
    }
    for (const copy of [copyA, copyB]) {
      const res = await loginRequest(copy, email);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(60);
      expect(sessionCookieOf(res)).toBeUndefined();
    }
    expect((await loginRequest(copyB, STAFF)).status).toBe(200); // other accounts are not held back
  });

  it("never lets a flood from one address lock the account out for another address", async () => {
    const attempt = async (address: string, password: string) => {
      const { authorization } = await browserToCallbackStart();
      return passwordLogin(
        authorization,
        `${TEST_PUBLIC_URL}/bff/callback`,
        { email: "support@smartphonekey.com", password },
        { address, clientSecret: TEST_CLIENT_SECRET },
      );
    };
    for (let i = 0; i < 8; i++)
      expect(await attempt("203.0.113.7", "wrong")).toMatchObject({ ok: false, status: i < 5 ? 401 : 429 });
    expect(await attempt("203.0.113.7", inject("devPassword"))).toMatchObject({ ok: false, status: 429 });
    expect(await attempt("198.51.100.20", inject("devPassword"))).toMatchObject({ ok: true });
  });
});

/** Only the start of a browser's sign-in: the provider's authorization URL. */
async function browserToCallbackStart() {
  const start = await app.request("/bff/login?returnTo=/");
  return {
    authorization: new URL(start.headers.get("Location")!),
    flowCookie: cookieOf(start, FLOW_COOKIE)!,
  };
}

describe("the session", () => {
  it("is 401 without a cookie, with a tampered one, or with one another secret sealed", async () => {
    const cookie = await signIn(app);
    const tampered = cookie.slice(0, -4) + (cookie.endsWith("AAAA") ? "BBBB" : "AAAA");
    const other = await testApp({ SESSION_SECRET: "some-other-deployment-secret-0123456789" });
    const foreign = await signIn(other);
    for (const headers of [{}, { Cookie: tampered }, { Cookie: foreign }] as Record<string, string>[]) {
      const res = await app.request("/bff/session", { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "Unauthorized", code: 401 });
    }
  });

  it("spans replicas that share SESSION_SECRET", async () => {
    const cookie = await signIn(app);
    const otherReplica = await testApp();
    expect((await otherReplica.request("/bff/session", { headers: { Cookie: cookie } })).status).toBe(200);
  });
});
