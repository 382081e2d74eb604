import { env } from "cloudflare:workers";
import { AuditListResponse } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { auditLogStub } from "../src/audit/audit-log.ts";
import { call, deleteLock, json, seedLocksBeforeAll, staffCall } from "./helpers.ts";

const locks = seedLocksBeforeAll();

const filed = async (targetId: string) =>
  AuditListResponse.parse(
    await json(await staffCall(`/admin/audit?limit=500&targetId=${encodeURIComponent(targetId)}`)),
  ).items;
const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

describe("audit records of a lock are filed under its numeric id, whichever id the request used", () => {
  it("files refusals and the deletion under one id, and targetId= finds them by number or UUID, also once it is gone", async () => {
    const lock = locks[3]!;
    const upper = lock.uuid.toUpperCase();
    expect((await deleteLock(lock.uuid, "mode=nope")).status).toBe(400);
    expect((await deleteLock(upper, "mode=nope")).status).toBe(400);
    expect((await deleteLock(lock.lock_id, "mode=nope")).status).toBe(400);
    expect((await deleteLock(lock.uuid, "mode=DELETE_DO_AND_EVENTS")).status).toBe(200);
    // Gone now: a refusal by UUID is still filed under the number.
    expect((await deleteLock(upper, "mode=DELETE_DO_ONLY")).status).toBe(404);

    const byNumber = await filed(String(lock.lock_id));
    expect(byNumber).toHaveLength(6); // three refusals, the job's started and success, one more refusal
    expect(byNumber.every((r) => r.targetId === String(lock.lock_id) && r.targetAlias === lock.uuid)).toBe(
      true,
    );
    expect(byNumber.map((r) => r.outcome)).toEqual([
      "refused",
      "success",
      "started",
      "refused",
      "refused",
      "refused",
    ]);
    expect(ids(await filed(lock.uuid))).toEqual(ids(byNumber));
    expect(ids(await filed(upper))).toEqual(ids(byNumber));
  });

  it("files an anonymous attempt by UUID under the number in its refusal summary", async () => {
    const lock = locks[4]!;
    await call(`/admin/cleanup/locks/${lock.uuid.toUpperCase()}?mode=DELETE_DO_ONLY`, { method: "DELETE" });
    await call(`/admin/cleanup/locks/${lock.lock_id}?mode=DELETE_DO_ONLY`, { method: "DELETE" });
    const [summaryId] = await auditLogStub(env).flushRefusals(Date.now() + 61_000);
    const summary = (await json(await staffCall(`/admin/audit/${summaryId}`))) as {
      options: { attempts: { targetId: string; count: number }[] };
    };
    expect(summary.options.attempts).toEqual([
      { action: "delete-lock", targetType: "lock", targetId: String(lock.lock_id), count: 2 },
    ]);
  });
});

describe("audit records of a hub are filed under its lower-case UUID", () => {
  it("files a refusal sent in upper case under the lower-case id, and finds it by either", async () => {
    const hub = await env.DB.prepare("SELECT id FROM hubs ORDER BY id LIMIT 1").first<{ id: string }>();
    const upper = hub!.id.toUpperCase();
    const res = await staffCall(`/admin/cleanup/hubs/${upper}?mode=nope`, { method: "DELETE" });
    expect(res.status).toBe(400);
    const records = await filed(hub!.id);
    expect(records.map((r) => r.targetId)).toEqual([hub!.id]);
    expect(ids(await filed(upper))).toEqual(ids(records));
  });
});
