import { Job, JobAccepted, LockDetail, SearchResponse } from "@cleanup/shared";
import { beforeAll, describe, expect, it } from "vitest";
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
  it("202 with Location and Retry-After for a job, the job itself, Idempotent-Replayed on a repeat, the api's X-Request-Id", async () => {
    const lockId = await firstLockId();
    const key = `bff-pass-${Date.now()}`;
    const path = `/dev/admin/cleanup/locks/${lockId}?mode=DELETE_DO_ONLY`;
    const first = await apiCall(app, cookie, path, {
      method: "DELETE",
      headers: { "Idempotency-Key": key, Prefer: "respond-async" },
    });
    expect(first.status).toBe(202);
    const accepted = JobAccepted.parse(await first.json());
    expect(first.headers.get("Location")).toBe(accepted.statusUrl);
    expect(first.headers.get("Retry-After")).toMatch(/^[1-9]\d*$/);
    // The job is an api route the bff forwards.
    let job = Job.parse(await (await apiCall(app, cookie, `/dev${accepted.statusUrl}`)).json());
    for (let i = 0; i < 100 && job.status !== "succeeded"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = Job.parse(await (await apiCall(app, cookie, `/dev${accepted.statusUrl}`)).json());
    }
    expect(job.status).toBe("succeeded");

    const repeat = await apiCall(app, cookie, path, {
      method: "DELETE",
      headers: { "Idempotency-Key": key },
    });
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get("Idempotent-Replayed")).toBe("true");
    const body = (await repeat.json()) as { requestId: string; jobId: string };
    // The stored answer is the first request's; this response's id is the api's own for the repeat.
    expect(body).toMatchObject({ requestId: first.headers.get("X-Request-Id"), jobId: accepted.jobId });
    expect(repeat.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(repeat.headers.get("X-Request-Id")).not.toBe(body.requestId);
  });

  it("Retry-After and the jobId on a 409 while another deletion of the target runs", async () => {
    const lockId = await firstLockId();
    const path = `/dev/admin/cleanup/locks/${lockId}?mode=DELETE_DO_ONLY`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        apiCall(app, cookie, path, { method: "DELETE", headers: { Prefer: "respond-async" } }),
      ),
    );
    const busy = answers.filter((r) => r.status === 409);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.headers.get("Retry-After")).toMatch(/^[1-9]\d*$/);
    expect(await busy[0]!.json()).toMatchObject({ code: 409, jobId: expect.any(String) });
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
