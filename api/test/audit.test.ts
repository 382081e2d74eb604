import { env } from "cloudflare:workers";
import {
  AuditListResponse,
  AuditRecord,
  AuditVerifyResponse,
  encodeAuditReason,
  LockDeletionResponse,
} from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { auditLogStub } from "../src/audit/audit-log.ts";
import { ADMIN_KEY, call, deleteLock, json, seedLocksBeforeAll, staffCall, tokenFor } from "./helpers.ts";

const locks = seedLocksBeforeAll();

const audit = async (query = "") =>
  AuditListResponse.parse(await json(await staffCall(`/admin/audit${query}`)));
const record = async (id: string) => AuditRecord.parse(await json(await staffCall(`/admin/audit/${id}`)));

describe("the audit log", () => {
  it("records a deletion with actor, environment, target, options, plan, result, request id and reason", async () => {
    const lock = locks[4]!;
    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY", {
      "X-Audit-Reason": "SUP-42 stuck DO",
    });
    const body = LockDeletionResponse.parse(await res.json());
    const stored = await record(body.auditId!);
    expect(stored).toMatchObject({
      actor: "support@smartphonekey.com",
      environment: "dev",
      action: "delete-lock",
      targetType: "lock",
      targetId: String(lock.lock_id),
      outcome: "success",
      reason: "SUP-42 stuck DO",
      requestId: res.headers.get("X-Request-Id"),
      httpStatus: 200,
      path: body.auditLogPath,
      options: { mode: "DELETE_DO_ONLY", cascadeDeleteKeys: true },
    });
    expect(stored.at).toMatch(/Z$/);
    expect(stored.plan).toMatchObject({ target: { type: "lock", id: String(lock.lock_id) } });
    expect(stored.result).toMatchObject({ success: true, lockId: String(lock.lock_id) });
    const raw = await env.EVENTS.get(body.auditLogPath!);
    expect(AuditRecord.parse(await raw!.json())).toEqual(stored);
  });

  it("records a reason that is not ASCII as it was typed, and a literal %20 as it was sent", async () => {
    const typed = "SUP-7 Tür klemmt – 鍵";
    const res = await deleteLock(locks[8]!.lock_id, "mode=DELETE_DO_ONLY", {
      "X-Audit-Reason": encodeAuditReason(typed),
    });
    expect(res.status).toBe(200);
    expect((await record(LockDeletionResponse.parse(await res.json()).auditId!)).reason).toBe(typed);
    const literal = await deleteLock(locks[9]!.lock_id, "mode=DELETE_DO_ONLY", {
      "X-Audit-Reason": "SUP-8 a%20b",
    });
    expect((await record(LockDeletionResponse.parse(await literal.json()).auditId!)).reason).toBe(
      "SUP-8 a%20b",
    );
  });

  it("records the previewed plan when the deletion was applied with If-Match", async () => {
    const lock = locks[5]!;
    const preview = LockDeletionResponse.parse(
      await json(await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY&dryRun=true")),
    );
    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY", {
      "If-Match": `"${preview.planToken}"`,
    });
    const stored = await record(LockDeletionResponse.parse(await res.json()).auditId!);
    expect(stored.plan).toEqual(preview.plan);
  });

  it("records staff's refused attempts one by one (bad input, unknown target, stale plan) and counts a non-staff one", async () => {
    const lock = locks[6]!;
    const alice = await tokenFor("alice@example.com");
    const attempts = [
      () => deleteLock(lock.lock_id, "mode=nope"),
      () =>
        call(`/admin/cleanup/locks/${lock.lock_id}?mode=DELETE_DO_ONLY`, {
          method: "DELETE",
          headers: { Authorization: `Bearer ${alice}`, "X-API-Key": ADMIN_KEY },
        }),
      () => deleteLock(777777, "mode=DELETE_DO_ONLY"),
      () => deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY", { "If-Match": '"0000"' }),
    ];
    const statuses = [];
    for (const attempt of attempts) statuses.push((await attempt()).status);
    expect(statuses).toEqual([400, 403, 404, 412]);

    const { items } = await audit("?outcome=refused&limit=3");
    expect(items.map((i) => i.actor)).toEqual([
      "support@smartphonekey.com",
      "support@smartphonekey.com",
      "support@smartphonekey.com",
    ]);
    expect(items.map((i) => i.targetId)).toEqual([String(lock.lock_id), "777777", String(lock.lock_id)]);
    const badInput = await record(items[2]!.id);
    expect(badInput).toMatchObject({
      httpStatus: 400,
      options: { mode: "nope" },
      result: { error: "Bad Request" },
    });
    // A verified token that is not staff: counted into its summary (ADR 018), with the admin key too.
    const [summaryId] = await auditLogStub(env).flushRefusals(Date.now() + 61_000);
    expect(await record(summaryId!)).toMatchObject({
      action: "refusal-summary",
      actor: "alice@example.com",
      count: 1,
      result: { statuses: { "403": 1 } },
    });
  });

  it("lists each record with the options it ran with, so a list shows the mode without reading R2", async () => {
    const lock = locks[5]!;
    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY&cascadeDeleteKeys=false", {
      "X-Audit-Reason": "SUP-43",
    });
    const { auditId } = LockDeletionResponse.parse(await res.json());
    const { items } = await audit(`?targetId=${lock.lock_id}`);
    expect(items.find((i) => i.id === auditId)?.options).toMatchObject({
      mode: "DELETE_DO_ONLY",
      cascadeDeleteKeys: false,
    });
  });

  it("sums up an anonymous refusal per source and minute, with no text of the caller's on record", async () => {
    const lock = locks[6]!;
    const res = await call(`/admin/cleanup/locks/${lock.lock_id}?mode=DELETE_DO_ONLY`, {
      method: "DELETE",
      headers: { "X-Audit-Reason": "text planted by an anonymous caller" },
    });
    expect(res.status).toBe(401);
    const [summaryId] = await auditLogStub(env).flushRefusals(Date.now() + 61_000);
    expect(await record(summaryId!)).toMatchObject({
      action: "refusal-summary",
      actor: "anonymous",
      outcome: "refused",
      targetType: "source",
      targetId: "local",
      count: 1,
      reason: null,
      options: { attempts: [{ action: "delete-lock", targetId: String(lock.lock_id), count: 1 }] },
    });
  });

  it("does not audit reads or dry runs", async () => {
    const before = (await audit("?limit=500")).items.length;
    await staffCall(`/admin/locks/${locks[7]!.lock_id}`);
    await deleteLock(locks[7]!.lock_id, "mode=DELETE_DO_ONLY&dryRun=true");
    expect((await audit("?limit=500")).items.length).toBe(before);
  });

  it("filters and pages with a cursor", async () => {
    const all = await audit("?limit=500");
    const pages: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: AuditListResponse = await audit(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      pages.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(pages).toEqual(all.items.map((i) => i.id));
    expect((await audit("?actor=anonymous")).items).toHaveLength(1);
    expect((await audit("?action=delete-hub")).items).toHaveLength(0);
    expect((await staffCall("/admin/audit?outcome=maybe")).status).toBe(400);
    expect((await staffCall("/admin/audit?cursor=abc")).status).toBe(400);
    expect((await staffCall("/admin/audit/not-a-uuid")).status).toBe(400);
    expect((await staffCall("/admin/audit/6f1c2b9e-8a7d-4c3b-9e2f-1a0b9c8d7e6f")).status).toBe(404);
  });

  it("keeps one unbroken chain under concurrent writes", async () => {
    await Promise.all(Array.from({ length: 6 }, (_, i) => deleteLock(900000 + i, "mode=DELETE_DO_ONLY")));
    const { items } = await audit("?limit=500");
    const seqs = items.map((i) => i.seq).toReversed();
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const verified = AuditVerifyResponse.parse(await json(await staffCall("/admin/audit/verify")));
    expect(verified).toEqual({ ok: true, checked: items.length, firstBroken: null, nextAfterSeq: null });
  });

  it("verifies a long chain in stretches that link up, ending where the whole walk ends", async () => {
    const whole = AuditVerifyResponse.parse(await json(await staffCall("/admin/audit/verify")));
    let afterSeq: number | null = 0;
    let checked = 0;
    let calls = 0;
    while (afterSeq !== null) {
      const part = AuditVerifyResponse.parse(
        await json(await staffCall(`/admin/audit/verify?afterSeq=${afterSeq}&limit=3`)),
      );
      expect(part.ok).toBe(true);
      expect(part.checked).toBeLessThanOrEqual(3);
      checked += part.checked;
      afterSeq = part.nextAfterSeq ?? null;
      calls++;
    }
    expect(checked).toBe(whole.checked);
    expect(calls).toBe(Math.ceil(whole.checked / 3));
    expect((await staffCall("/admin/audit/verify?limit=0")).status).toBe(400);
    expect((await staffCall("/admin/audit/verify?afterSeq=-1")).status).toBe(400);
  });

  it("detects a record edited in R2 and an index row edited in D1", async () => {
    const { items } = await audit("?limit=500");
    const victim = items.findLast((i) => i.outcome === "refused")!;
    const object = await env.EVENTS.get(victim.path);
    const original = await object!.text();
    await env.EVENTS.put(victim.path, original.replace('"outcome":"refused"', '"outcome":"success"'));
    const broken = AuditVerifyResponse.parse(await json(await staffCall("/admin/audit/verify")));
    expect(broken).toMatchObject({ ok: false, firstBroken: { id: victim.id, seq: victim.seq } });

    await env.EVENTS.put(victim.path, original);
    await env.DB.prepare("UPDATE audit_index SET actor = 'someone@else' WHERE id = ?1").bind(victim.id).run();
    const indexEdit = AuditVerifyResponse.parse(await json(await staffCall("/admin/audit/verify")));
    expect(indexEdit.firstBroken).toMatchObject({ id: victim.id, reason: expect.stringContaining("actor") });
    // A stretch that starts after the break does not see it; the one that holds it does.
    const holding = AuditVerifyResponse.parse(
      await json(await staffCall(`/admin/audit/verify?afterSeq=${victim.seq - 1}&limit=1`)),
    );
    expect(holding).toMatchObject({ ok: false, checked: 0, firstBroken: { id: victim.id } });
  });

  it("checks the listed options against the record, and passes rows listed before they were kept", async () => {
    const { items } = await audit("?limit=500");
    // The oldest row: verify stops at the first break, so a later one would hide behind it.
    const victim = items.at(-1)!;
    const check = async () => AuditVerifyResponse.parse(await json(await staffCall("/admin/audit/verify")));
    const kept = await env.DB.prepare("SELECT options FROM audit_index WHERE id = ?1")
      .bind(victim.id)
      .first<{ options: string | null }>();
    expect(kept?.options).not.toBeNull();
    await env.DB.prepare(`UPDATE audit_index SET options = '{"mode":"DELETE_DO_AND_EVENTS"}' WHERE id = ?1`)
      .bind(victim.id)
      .run();
    expect((await check()).firstBroken).toMatchObject({
      id: victim.id,
      reason: expect.stringContaining("options"),
    });
    // As a row indexed before migration 0035: no options, nothing to compare.
    await env.DB.prepare("UPDATE audit_index SET options = NULL WHERE id = ?1").bind(victim.id).run();
    expect((await check()).firstBroken?.id).not.toBe(victim.id);
    await env.DB.prepare("UPDATE audit_index SET options = ?2 WHERE id = ?1")
      .bind(victim.id, kept!.options)
      .run();
  });
});
