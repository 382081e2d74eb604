import { LockDetail, SearchResponse } from "@cleanup/shared";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { devToken } from "../../../scripts/lib/api-server.ts";
import { apiCall, STAFF, signIn, TEST_SECRET, type TestApp, testApp } from "../../test/helpers.ts";
import { createSessionBox } from "../session-cookie.ts";

let app: TestApp;
let cookie: string;
beforeAll(async () => {
  app = await testApp();
  cookie = await signIn(app);
});

async function firstLockId(): Promise<string> {
  const res = await apiCall(app, cookie, "/dev/admin/search?type=lock&limit=1");
  const { items } = SearchResponse.parse(await res.json());
  return items[0]!.id;
}

describe("/bff/api refuses", () => {
  it("a call without X-CSRF: 1 with 401, even when signed in", async () => {
    for (const value of [undefined, "0", "true"]) {
      const headers: Record<string, string> = { Cookie: cookie };
      if (value) headers["X-CSRF"] = value;
      const res = await app.request("/bff/api/dev/admin/search", { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "Unauthorized", code: 401 });
    }
  });

  it("a call without a session with 401", async () => {
    const res = await app.request("/bff/api/dev/admin/search", { headers: { "X-CSRF": "1" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("an environment that is not configured with 404", async () => {
    const res = await apiCall(app, cookie, "/production/admin/search");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "Not Found", code: 404 });
  });

  it.each([
    ["POST", "/auth/dev/token"],
    ["POST", "/admin/dev/seed"],
    ["GET", "/admin/dev/seed"],
    ["GET", "/.well-known/jwks.json"],
    ["GET", "/health"],
    ["POST", "/admin/search"],
    ["DELETE", "/admin/locks/1"],
    ["GET", "/admin/search/"],
    ["GET", "/admin//search"],
    ["GET", "/admin/search/../../auth/dev/token"],
    ["GET", "/admin/locks/.../x"],
  ])("%s %s, which is not an api route it forwards, with 404", async (method, path) => {
    const res = await apiCall(app, cookie, `/dev${path}`, { method });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "Not Found", code: 404 });
  });

  it.each([
    ["GET", "/admin/locks/..%2fdev%2fseed", "lockId"],
    ["GET", "/admin/locks/%2e%2e%2fdev%2fseed", "lockId"],
    ["GET", "/admin/locks/1%2F..%2F..%2Fdev%2Fseed", "lockId"],
    ["GET", "/admin/locks/..%5cdev", "lockId"],
    ["GET", "/admin/audit/..%252fdev", "id"],
    ["GET", "/admin/locks/lock%20one", "lockId"],
    ["DELETE", "/organization/acme%2Fcorp/key", "idOrg"],
    ["DELETE", "/admin/cleanup/hubs/not-a-uuid", "hubId"], // this one the api refuses, and audits
  ])("%s %s, an api route with a bad %s, with a 400 naming it", async (method, path, field) => {
    const res = await apiCall(app, cookie, `/dev${path}`, { method });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "Bad Request", code: 400, details: [{ field }] });
  });
});

describe("/bff/api forwards the signed-in user's calls", () => {
  it("a search, keeping the query string", async () => {
    const all = await apiCall(app, cookie, "/dev/admin/search?type=lock&limit=3");
    expect(all.status).toBe(200);
    expect(all.headers.get("Content-Type")).toMatch(/^application\/json/);
    const { items } = SearchResponse.parse(await all.json());
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.type === "lock")).toBe(true);

    const one = SearchResponse.parse(await (await apiCall(app, cookie, "/dev/admin/search?limit=1")).json());
    expect(one.items).toHaveLength(1);
  });

  it("a lock read, with a request id the api saw", async () => {
    const lockId = await firstLockId();
    const res = await apiCall(app, cookie, `/dev/admin/locks/${lockId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
    const lock = LockDetail.parse(await res.json());
    expect([String(lock.lockId), lock.uuid]).toContain(lockId);
  });

  it("passes the api's own errors through unchanged", async () => {
    const res = await apiCall(app, cookie, "/dev/admin/search?limit=1000");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "Bad Request", details: [{ field: "limit" }] });
  });

  it("with the session's identity, whatever credentials the browser adds", async () => {
    const res = await apiCall(app, cookie, "/dev/admin/search?limit=1", {
      headers: {
        Authorization: "Bearer not-a-real-token",
        "X-API-Key": "wrong-key",
        "X-Admin-API-Key": "wrong-key",
      },
    });
    expect(res.status).toBe(200);
  });

  it("under the user's name in the audit log, with the bff's request id", async () => {
    const lockId = await firstLockId();
    const res = await apiCall(app, cookie, `/dev/admin/cleanup/locks/${lockId}?mode=DELETE_DO_ONLY`, {
      method: "DELETE",
      headers: { Authorization: "Bearer someone-else", "X-Audit-Reason": "bff test SUP-1" },
    });
    expect(res.status).toBe(200);
    const requestId = res.headers.get("X-Request-Id");
    const audit = await apiCall(app, cookie, `/dev/admin/audit?targetId=${lockId}`);
    const { items } = (await audit.json()) as {
      items: { actor: string; requestId: string; reason: string }[];
    };
    expect(items.find((i) => i.requestId === requestId)).toMatchObject({
      actor: STAFF,
      reason: "bff test SUP-1",
    });
  });

  it("a dry run of a lock deletion, which deletes nothing", async () => {
    const lockId = await firstLockId();
    const res = await apiCall(
      app,
      cookie,
      `/dev/admin/cleanup/locks/${lockId}?mode=DELETE_DO_AND_EVENTS&dryRun=true`,
      {
        method: "DELETE",
      },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dryRun: true, planToken: expect.any(String) });
    expect((await apiCall(app, cookie, `/dev/admin/locks/${lockId}`)).status).toBe(200);
  });

  it("only with the JWT in the session: the api itself refuses a forged one", async () => {
    const box = await createSessionBox(TEST_SECRET);
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const claims = { email: STAFF, email_verified: true, exp: Math.floor(Date.now() / 1000) + 600 };
    const jwt = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.`;
    const now = Date.now();
    const session = { sid: "forged-session-0123456789", sub: "x", email: STAFF, name: "x", jwt };
    const times = { accessExp: claims.exp, accessAt: now, authAt: now, seenAt: now, checkedAt: now };
    const forged = `__Host-cleanup_session=${await box.seal("__Host-cleanup_session", { ...session, ...times })}`;
    const res = await apiCall(app, forged, "/dev/admin/search");
    expect(res.status).toBe(401);
  });

  it("with each environment's own admin key: a wrong one is refused by the api", async () => {
    const misconfigured = await testApp({ ADMIN_API_KEY: "not-the-admin-key" });
    const res = await apiCall(misconfigured, await signIn(misconfigured), "/dev/admin/search");
    expect([401, 403]).toContain(res.status);
  });
});

describe("/bff/api passes back what the api says beside the body", () => {
  /**
   * Holds a delete-all dry run open at the api itself (its body not yet finished, the
   * Idempotency-Key already claimed), as the signed-in staff member; `finish()` completes it.
   */
  async function holdOpen(idempotencyKey: string) {
    const token = await devToken(inject("apiUrl"), inject("devPassword"), STAFF);
    let finish!: () => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("{"));
        finish = () => {
          controller.enqueue(new TextEncoder().encode("}"));
          controller.close();
        };
      },
    });
    const answer = fetch(`${inject("apiUrl")}/admin/cleanup/delete-all?dryRun=true`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "X-Admin-API-Key": inject("adminKey"),
        "Idempotency-Key": idempotencyKey,
        "Content-Type": "application/json",
      },
      body,
      duplex: "half",
    } as RequestInit);
    return { answer, finish };
  }

  it("Retry-After on a 409 while the first request still runs, Idempotent-Replayed on a repeat, the api's X-Request-Id", async () => {
    const key = `bff-pass-${Date.now()}`;
    const held = await holdOpen(key);
    const send = () =>
      apiCall(app, cookie, "/dev/admin/cleanup/delete-all?dryRun=true", {
        method: "POST",
        headers: { "Idempotency-Key": key },
      });
    // The held request has claimed the key once the api answers a repeat with 409.
    let busy = await send();
    for (let i = 0; i < 50 && busy.status !== 409; i++) {
      await new Promise((r) => setTimeout(r, 100));
      busy = await send();
    }
    expect(busy.status).toBe(409);
    expect(busy.headers.get("Retry-After")).toMatch(/^[1-9]\d*$/);

    held.finish();
    const first = await held.answer;
    expect(first.status).toBe(200);
    const repeat = await send();
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get("Idempotent-Replayed")).toBe("true");
    const body = (await repeat.json()) as { requestId: string };
    // The stored answer is the first request's; this response's id is the api's own for the repeat.
    expect(body.requestId).toBe(first.headers.get("X-Request-Id"));
    expect(repeat.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(repeat.headers.get("X-Request-Id")).not.toBe(body.requestId);
  });

  it("refuses an If-Match that is not one quoted plan token, an empty one included, before forwarding", async () => {
    const lockId = await firstLockId();
    for (const value of ["", "*", 'W/"abc"']) {
      const res = await apiCall(app, cookie, `/dev/admin/cleanup/locks/${lockId}?mode=DELETE_DO_AND_EVENTS`, {
        method: "DELETE",
        headers: { "If-Match": value },
      });
      expect(res.status, JSON.stringify(value)).toBe(400);
      expect(await res.json()).toMatchObject({ details: [{ field: "If-Match" }] });
    }
    expect((await apiCall(app, cookie, `/dev/admin/locks/${lockId}`)).status).toBe(200);
  });
});
