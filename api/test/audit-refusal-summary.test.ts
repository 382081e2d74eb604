import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { AuditListResponse, AuditRecord } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { auditLogStub } from "../src/audit/audit-log.ts";
import { MAX_SOURCES_PER_MINUTE } from "../src/audit/refusal-buckets.ts";
import { call, deleteLock, json, seedLocksBeforeAll, staffCall } from "./helpers.ts";

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
        "UPDATE refusals SET minute = ? WHERE source = '192.0.2.55'",
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
