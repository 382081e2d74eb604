import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiCall, STAFF, sessionCookieOf, signIn, TEST_SECRET, testConfig } from "../test/helpers.ts";
import { createApp } from "./app.ts";
import { Session } from "./session.ts";
import { SessionCache } from "./session-cache.ts";
import { createSessionBox, SESSION_COOKIE } from "./session-cookie.ts";

const ADMIN = "admin@smartphonekey.com";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The bff with a cache the test can see into, and the cache. */
async function appWithCache(env: Record<string, string> = {}, maxEntries?: number) {
  const config = testConfig(env);
  const cache = new SessionCache({ ttlMs: config.session.recheckSeconds * 1000, maxEntries });
  return { app: await createApp(config, { sessionCache: cache }), cache };
}

async function sessionOf(cookie: string): Promise<Session> {
  const box = await createSessionBox(TEST_SECRET);
  return Session.parse(await box.open(SESSION_COOKIE, cookie.slice(SESSION_COOKIE.length + 1)));
}

function session(sid: string): Session {
  const now = Date.now();
  return {
    sid,
    sub: "s",
    email: "e",
    name: "n",
    jwt: "j",
    accessExp: 0,
    accessAt: now,
    authAt: now,
    seenAt: now,
    checkedAt: now,
  };
}

describe("the session cache itself", () => {
  it("holds at most maxEntries, dropping the least recently used", () => {
    const cache = new SessionCache({ ttlMs: 30_000, maxEntries: 3 });
    for (const n of [1, 2, 3]) cache.set(`cookie-${n}`, session(`sid-${n}-0123456789abcdef`));
    cache.get("cookie-1"); // used: now the newest
    cache.set("cookie-4", session("sid-4-0123456789abcdef"));
    expect(cache.size).toBe(3);
    expect(cache.get("cookie-2")).toBeUndefined();
    expect(cache.get("cookie-1")?.sid).toBe("sid-1-0123456789abcdef");
  });

  it("forgets an entry after its TTL", () => {
    let now = 1_000_000;
    const cache = new SessionCache({ ttlMs: 30_000, now: () => now });
    cache.set("cookie", session("sid-0123456789abcdef"));
    now += 29_999;
    expect(cache.get("cookie")).toBeDefined();
    now += 1;
    expect(cache.get("cookie")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("evicts every cookie value of one session, and only those", () => {
    const cache = new SessionCache({ ttlMs: 30_000 });
    cache.set("a-1", session("sid-a-0123456789abcdef"));
    cache.set("a-2", session("sid-a-0123456789abcdef"));
    cache.set("b-1", session("sid-b-0123456789abcdef"));
    cache.evictSession("sid-a-0123456789abcdef");
    expect([cache.get("a-1"), cache.get("a-2")]).toEqual([undefined, undefined]);
    expect(cache.get("b-1")?.sid).toBe("sid-b-0123456789abcdef");
  });

  it("serves only on the whole cookie value: one that shares another's ending is a miss, not its session", () => {
    const cache = new SessionCache({ ttlMs: 30_000 });
    const ending = randomBytes(48).toString("base64url");
    const victim = `${randomBytes(900).toString("base64url")}${ending}`;
    const forged = `${randomBytes(900).toString("base64url")}${ending}`;
    cache.set(victim, session("sid-victim-0123456789abcdef"));
    expect(cache.get(forged)).toBeUndefined();
    expect(cache.get(victim.slice(1))).toBeUndefined();
    expect(cache.get(`x${victim}`)).toBeUndefined();
    expect(cache.get(victim)?.sid).toBe("sid-victim-0123456789abcdef");
  });

  it("hands out a session no request can change for the next one", () => {
    const cache = new SessionCache({ ttlMs: 30_000 });
    const cached = cache.set("cookie", session("sid-0123456789abcdef"));
    expect(() => {
      (cached as Session).email = "someone-else@smartphonekey.com";
    }).toThrow();
    expect(cache.get("cookie")?.email).toBe("e");
  });
});

describe("with the session cache, a bff", () => {
  it("keeps two people's sessions apart, one entry each, however their requests interleave", async () => {
    const { app, cache } = await appWithCache();
    const support = await signIn(app, STAFF);
    const admin = await signIn(app, ADMIN);
    for (let i = 0; i < 20; i++) {
      const [a, b] = await Promise.all([
        app.request("/bff/session", { headers: { Cookie: support } }),
        app.request("/bff/session", { headers: { Cookie: admin } }),
      ]);
      expect((await a.json()).email).toBe(STAFF);
      expect((await b.json()).email).toBe(ADMIN);
    }
    expect(cache.size).toBe(2);
  });

  it("refuses a cookie right after its sign-out, however warm its entry", async () => {
    const { app, cache } = await appWithCache();
    const cookie = await signIn(app);
    for (let i = 0; i < 5; i++)
      expect((await apiCall(app, cookie, "/dev/admin/environment")).status).toBe(200);
    expect(cache.size).toBe(1);
    const out = await app.request("/bff/logout", { method: "POST", headers: { Cookie: cookie } });
    expect(out.status).toBe(200);
    expect(cache.size).toBe(0);
    expect((await apiCall(app, cookie, "/dev/admin/environment")).status).toBe(401);
    expect((await app.request("/bff/session", { headers: { Cookie: cookie } })).status).toBe(401);
    expect(cache.size).toBe(0);
  });

  it("refuses every cookie value of a signed-out session, the older ones too", async () => {
    // The idle clock moves at least every 0.2 s here, so each request below gets a new cookie value.
    const { app, cache } = await appWithCache({ SESSION_IDLE_SECONDS: "2" });
    const first = await signIn(app);
    const values = [first];
    for (let i = 0; i < 3; i++) {
      await sleep(250);
      const res = await app.request("/bff/session", { headers: { Cookie: values.at(-1)! } });
      values.push(sessionCookieOf(res) ?? values.at(-1)!);
    }
    expect(new Set(values).size).toBeGreaterThan(2);
    expect(cache.size).toBeGreaterThan(1);
    await app.request("/bff/logout", { method: "POST", headers: { Cookie: values.at(-1)! } });
    expect(cache.size).toBe(0);
    for (const value of values) {
      expect((await app.request("/bff/session", { headers: { Cookie: value } })).status).toBe(401);
    }
  });

  it("never serves a session past its idle lifetime from the cache", async () => {
    const { app, cache } = await appWithCache({ SESSION_IDLE_SECONDS: "2", SESSION_RECHECK_SECONDS: "55" });
    const cookie = await signIn(app);
    expect((await app.request("/bff/session", { headers: { Cookie: cookie } })).status).toBe(200);
    expect(cache.size).toBe(1); // cached for 55 s, the session idles out in 2
    await sleep(2_200);
    const idle = await apiCall(app, cookie, "/dev/admin/environment");
    expect(idle.status).toBe(401);
    expect(cache.size).toBe(0);
  });

  it("never serves a session past its absolute lifetime from the cache", async () => {
    const { app } = await appWithCache({ SESSION_ABSOLUTE_SECONDS: "2", SESSION_RECHECK_SECONDS: "55" });
    const cookie = await signIn(app);
    expect((await apiCall(app, cookie, "/dev/admin/environment")).status).toBe(200);
    await sleep(2_200);
    expect((await apiCall(app, cookie, "/dev/admin/environment")).status).toBe(401);
  });

  it("still asks the provider once the recheck interval passed, cached or not", async () => {
    const { app } = await appWithCache({ SESSION_RECHECK_SECONDS: "1" });
    const cookie = await signIn(app);
    const before = await sessionOf(cookie);
    expect((await apiCall(app, cookie, "/dev/admin/environment")).status).toBe(200);
    await sleep(1_100);
    const res = await apiCall(app, cookie, "/dev/admin/environment");
    expect(res.status).toBe(200);
    const after = await sessionOf(sessionCookieOf(res)!);
    expect(after.checkedAt).toBeGreaterThan(before.checkedAt);
    expect(after.jwt).not.toBe(before.jwt);
  });

  it("stays bounded: a flood of random cookies never gets in, more sign-ins than it holds push the oldest out", async () => {
    const { app, cache } = await appWithCache({}, 3);
    const cookies = [];
    for (let i = 0; i < 5; i++) cookies.push(await signIn(app));
    for (const cookie of cookies) {
      expect((await app.request("/bff/session", { headers: { Cookie: cookie } })).status).toBe(200);
    }
    expect(cache.size).toBe(3);
    const length = cookies[0]!.length - SESSION_COOKIE.length - 1;
    for (let i = 0; i < 2_000; i++) {
      const junk = `${SESSION_COOKIE}=${randomBytes(Math.ceil((length * 3) / 4)).toString("base64url")}`;
      const res = await apiCall(app, junk, "/dev/admin/environment");
      expect(res.status).toBe(401);
    }
    expect(cache.size).toBe(3);
    // The sessions pushed out still work: they are opened again.
    expect((await app.request("/bff/session", { headers: { Cookie: cookies[0]! } })).status).toBe(200);
  });
});
