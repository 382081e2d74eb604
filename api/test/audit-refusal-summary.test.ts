import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { AuditListResponse, AuditRecord } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { auditLogStub } from "../src/audit/audit-log.ts";
import { MAX_SOURCES_PER_MINUTE } from "../src/audit/refusal-buckets.ts";
import { ADMIN_KEY, call, deleteLock, json, seedLocksBeforeAll, staffCall, tokenFor } from "./helpers.ts";

const locks = seedLocksBeforeAll();

const records = async (query = "") =>
  AuditListResponse.parse(await json(await staffCall(`/admin/audit?limit=500${query}`))).items;
const chainLength = async () =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_index").first<{ n: number }>())!.n;
const anonymous = (from: string, path: string) =>
  call(path, {
    method: "DELETE",
    headers: { "CF-Connecting-IP": from, Authorization: "Bearer forged.token.x" },
  });
const flush = () => auditLogStub(env).flushRefusals(Date.now() + 61_000);

describe("refusals of callers without a valid admin key or token", () => {
  it("cost no append each: 60 at once from one source become one summary with its count", async () => {
    const lockPath = `/admin/cleanup/locks/${locks[0]!.lock_id}?mode=DELETE_DO_AND_EVENTS`;
    const before = await chainLength();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        anonymous("203.0.113.7", i % 2 ? lockPath : "/admin/cleanup/hubs/not-a-hub?mode=DELETE_DO_ONLY"),
      ),
    );
    expect(answers.every((r) => r.status === 401)).toBe(true);
    expect(await chainLength()).toBe(before);
    const due = await runInDurableObject(auditLogStub(env), (_o, state) => state.storage.getAlarm());
    expect(due).toBeGreaterThan(Date.now());
    expect(due! - Date.now()).toBeLessThanOrEqual(62_000);

    const written = await flush();
    expect(written).toHaveLength(1);
    expect(await chainLength()).toBe(before + 1);
    const summary = AuditRecord.parse(await json(await staffCall(`/admin/audit/${written[0]}`)));
    expect(summary).toMatchObject({
      action: "refusal-summary",
      outcome: "refused",
      actor: "anonymous",
      targetType: "source",
      targetId: "203.0.113.7",
      count: 60,
      httpStatus: 401,
      result: { statuses: { "401": 60 } },
    });
    expect(summary.options.attempts).toEqual(
      expect.arrayContaining([
        { action: "delete-lock", targetType: "lock", targetId: String(locks[0]!.lock_id), count: 30 },
        // A malformed id is not caller text the log keeps.
        { action: "delete-hub", targetType: "hub", targetId: "(malformed)", count: 30 },
      ]),
    );
    // A second flush of the same minute writes nothing more.
    expect(await flush()).toEqual([]);
    const verified = await json(await staffCall("/admin/audit/verify"));
    expect(verified).toMatchObject({ ok: true });
  });

  it("are summed per source: two sources, and one IPv6 /64 network, give one summary each", async () => {
    const path = `/admin/cleanup/locks/${locks[1]!.lock_id}?mode=DELETE_DO_ONLY`;
    await anonymous("198.51.100.1", path);
    await anonymous("198.51.100.2", path);
    await anonymous("2001:db8:0:7:aaaa::1", path);
    await anonymous("2001:db8:0:7:bbbb::2", path);
    await flush();
    const summaries = await records("&action=refusal-summary");
    expect(summaries.map((s) => [s.targetId, s.count])).toEqual(
      expect.arrayContaining([
        ["198.51.100.1", 1],
        ["198.51.100.2", 1],
        ["2001:db8:0:7::/64", 2],
      ]),
    );
  });

  it("write at most one summary per source and minute however many sources a flood uses", async () => {
    const path = `/admin/cleanup/locks/${locks[2]!.lock_id}?mode=DELETE_DO_ONLY`;
    const sources = MAX_SOURCES_PER_MINUTE + 5;
    for (let i = 0; i < sources; i++) await anonymous(`10.0.${Math.floor(i / 250)}.${i % 250}`, path);
    const written = await flush();
    // Normally one per source; a minute boundary inside the loop may split one source's count.
    expect(written.length).toBeLessThanOrEqual(MAX_SOURCES_PER_MINUTE + 2);
    const other = (await records("&targetId=other")).reduce((n, r) => n + (r.count ?? 0), 0);
    expect(other).toBeGreaterThanOrEqual(5);
  });

  it("are written by the DO's alarm once their minute has ended", async () => {
    const stub = auditLogStub(env);
    await anonymous("192.0.2.55", `/admin/cleanup/locks/${locks[1]!.lock_id}?mode=DELETE_DO_ONLY`);
    // As if that minute had ended: the counted bucket is moved an hour back.
    await runInDurableObject(stub, (_o, state) => {
      state.storage.sql.exec(
        "UPDATE refusal_buckets SET minute = ? WHERE source = '192.0.2.55'",
        new Date(Date.now() - 3_600_000).toISOString().slice(0, 16),
      );
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await records("&targetId=192.0.2.55")).map((r) => r.count)).toEqual([1]);
  });

  it("leave callers who did authenticate one record per refused attempt", async () => {
    const before = await chainLength();
    for (let i = 0; i < 5; i++) {
      expect((await deleteLock(locks[3]!.lock_id, "mode=nope")).status).toBe(400);
    }
    expect(await chainLength()).toBe(before + 5);
    const mine = (await records("&outcome=refused")).slice(0, 5);
    expect(mine.every((r) => r.actor === "support@smartphonekey.com" && r.count === null)).toBe(true);
  });
});

describe("refusals of callers who are not staff with the admin key", () => {
  type Padding = { headers?: Record<string, string>; query?: boolean; reason?: number };
  /** A refused attempt with as much caller text as the api lets through (query, reason, request id). */
  const padded = (
    token: string,
    from: string,
    path: string,
    i: number,
    { headers, query = true, reason = 500 }: Padding = {},
  ) => {
    const pad = Array.from({ length: 19 }, (_, k) => `p${k}=${"x".repeat(190)}`).join("&");
    return call(query ? `${path}${path.includes("?") ? "&" : "?"}${pad}&n=${i}` : path, {
      method: "DELETE",
      headers: {
        "CF-Connecting-IP": from,
        Authorization: `Bearer ${token}`,
        "X-Audit-Reason": `UTF-8''${encodeURIComponent("ü".repeat(reason))}`,
        "X-Request-Id": `planted-${"r".repeat(100)}-${i}`,
        ...headers,
      },
    });
  };
  const stored = async (id: string) => AuditRecord.parse(await json(await staffCall(`/admin/audit/${id}`)));

  it("are counted per actor: 30 of a verified B2C token, with the admin key or without, append nothing, then one summary", async () => {
    const alice = await tokenFor("alice@example.com");
    const path = `/admin/cleanup/locks/${locks[4]!.lock_id}?mode=DELETE_DO_ONLY`;
    const before = await chainLength();
    for (let i = 0; i < 30; i++) {
      const headers: Record<string, string> = i % 2 ? { "X-Admin-API-Key": ADMIN_KEY } : {};
      expect([401, 403]).toContain((await padded(alice, "198.51.100.40", path, i, { headers })).status);
    }
    expect(await chainLength()).toBe(before);
    const written = await flush();
    expect(written).toHaveLength(1);
    const summary = await stored(written[0]!);
    expect(summary).toMatchObject({
      action: "refusal-summary",
      actor: "alice@example.com",
      targetType: "source",
      targetId: "198.51.100.40",
      count: 30,
      reason: null,
      clientRequestId: null,
    });
    expect(summary.options.attempts).toEqual([
      { action: "delete-lock", targetType: "lock", targetId: String(locks[4]!.lock_id), count: 30 },
    ]);
    // Nothing of the padding is on record.
    expect(JSON.stringify(summary)).not.toMatch(/xxxx|planted|ü/);
  });

  it("are counted for an org OWNER refused on other organizations, and for staff without the admin key", async () => {
    const owner = await tokenFor("owner@acme.example");
    const staff = await tokenFor("support@smartphonekey.com");
    const before = await chainLength();
    for (let i = 0; i < 30; i++) {
      const res = await padded(owner, "198.51.100.41", `/organization/org-${i}/key`, i, { query: false });
      expect(res.status).toBe(403);
    }
    const lockPath = `/admin/cleanup/locks/${locks[4]!.lock_id}?mode=DELETE_DO_ONLY`;
    expect((await padded(staff, "198.51.100.41", lockPath, 0)).status).toBe(401);
    expect(await chainLength()).toBe(before);
    await flush();
    const summaries = await records("&action=refusal-summary&targetId=198.51.100.41");
    expect(summaries.map((s) => [s.actor, s.count]).sort()).toEqual([
      ["owner@acme.example", 30],
      ["support@smartphonekey.com", 1],
    ]);
  });

  it("leave a published caller refused for their own target a record of its own, its caller text bounded", async () => {
    const owner = await tokenFor("owner@acme.example");
    const secrets = await tokenFor("secrets@acme.example");
    const key = await env.DB.prepare(
      "SELECT name FROM project_keys WHERE project_name = 'billing' LIMIT 1",
    ).first<{
      name: string;
    }>();
    const before = await chainLength();
    const stale = { headers: { "If-Match": '"0000"' }, query: false };
    expect((await padded(owner, "198.51.100.42", "/organization/acme/key", 0, stale)).status).toBe(412);
    const keyPath = `/apiops/projects/billing/keys/${key!.name}/`;
    expect((await padded(secrets, "198.51.100.42", keyPath, 1, stale)).status).toBe(412);
    // Padded past what is valid: refused as bad input, still their own attempt, the text cut.
    const overlong = { reason: 600 };
    expect((await padded(owner, "198.51.100.42", "/organization/acme/key", 2, overlong)).status).toBe(400);
    expect(await chainLength()).toBe(before + 3);
    const [bad, second, first] = await records("&outcome=refused");
    expect(first).toMatchObject({ actor: "owner@acme.example", targetId: "acme" });
    expect(second).toMatchObject({ actor: "secrets@acme.example", targetId: `billing/${key!.name}` });
    const record = await stored(bad!.id);
    expect(record).toMatchObject({ actor: "owner@acme.example", httpStatus: 400 });
    expect(Object.keys(record.options)).toHaveLength(10);
    expect(Object.values(record.options).every((v) => String(v).length <= 100)).toBe(true);
    expect([...(record.reason ?? "")]).toHaveLength(500);
  });

  it("are counted whatever their status: a summary of mostly 5xx answers is a failure", async () => {
    const stub = auditLogStub(env);
    const before = await chainLength();
    for (let i = 0; i < 3; i++) {
      await stub.countRefusal({
        source: "198.51.100.43",
        actor: "anonymous",
        action: "delete-org-keys",
        targetType: "organization",
        targetId: "acme",
        httpStatus: 503,
        at: new Date().toISOString(),
      });
    }
    expect(await chainLength()).toBe(before);
    await flush();
    const [summary] = await records("&targetId=198.51.100.43");
    expect(await stored(summary!.id)).toMatchObject({ outcome: "failure", httpStatus: 503, count: 3 });
  });
});
