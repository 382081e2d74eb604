import { env } from "cloudflare:workers";
import { AuditListResponse, AuditRecord, LockDeletionResponse } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { auditLogStub } from "../src/audit/audit-log.ts";
import { call, deleteLock, json, seedLocksBeforeAll, staffCall } from "./helpers.ts";

const locks = seedLocksBeforeAll();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const allRecords = async () =>
  AuditListResponse.parse(await json(await staffCall("/admin/audit?limit=500"))).items;

describe("X-Request-Id is always the api's own", () => {
  it("answers every response with an id it generated, whatever the client sent", async () => {
    for (const sent of ["mine", "00000000-0000-4000-8000-000000000000", "x".repeat(300)]) {
      const res = await call("/health", { headers: { "X-Request-Id": sent } });
      const id = res.headers.get("X-Request-Id");
      expect(id).toMatch(UUID);
      expect(id).not.toBe(sent);
    }
  });

  it("keeps an authenticated caller's own id as clientRequestId, in the answer and the audit record", async () => {
    const res = await deleteLock(locks[0]!.lock_id, "mode=DELETE_DO_ONLY", { "X-Request-Id": "ticket-4711" });
    expect(res.status).toBe(200);
    const body = LockDeletionResponse.parse(await res.json());
    expect(body.requestId).toBe(res.headers.get("X-Request-Id"));
    expect(body.clientRequestId).toBe("ticket-4711");
    const record = AuditRecord.parse(await json(await staffCall(`/admin/audit/${body.auditId}`)));
    expect(record).toMatchObject({ requestId: body.requestId, clientRequestId: "ticket-4711" });
  });

  it("does not let an anonymous caller plant a record under a real deletion's request id", async () => {
    const real = await deleteLock(locks[1]!.lock_id, "mode=DELETE_DO_ONLY");
    expect(real.status).toBe(200);
    const realId = real.headers.get("X-Request-Id")!;

    const planted = await call(`/admin/cleanup/locks/${locks[1]!.lock_id}?mode=DELETE_DO_AND_EVENTS`, {
      method: "DELETE",
      headers: { "X-Request-Id": realId },
    });
    expect(planted.status).toBe(401);
    expect(planted.headers.get("X-Request-Id")).not.toBe(realId);
    // A staff member's refused attempt sent with that id is filed under its own id too.
    const refused = await deleteLock(locks[1]!.lock_id, "mode=nope", { "X-Request-Id": realId });
    expect(refused.status).toBe(400);
    await auditLogStub(env).flushRefusals(Date.now() + 61_000);

    const records = await allRecords();
    // Only the deletion's own job wrote under its id: its `started` and its one final record.
    const underRealId = records.filter((r) => r.requestId === realId);
    const { jobId } = LockDeletionResponse.parse(await real.json());
    expect(underRealId.map((r) => [r.outcome, r.actor, r.jobId])).toEqual([
      ["success", "support@smartphonekey.com", jobId],
      ["started", "support@smartphonekey.com", jobId],
    ]);
    const staffRefusal = records.find((r) => r.clientRequestId === realId);
    expect(staffRefusal).toMatchObject({ outcome: "refused", actor: "support@smartphonekey.com" });
    expect(staffRefusal!.requestId).not.toBe(realId);
    // The anonymous attempt is only counted: its summary carries no id of the caller's.
    const summary = records.find((r) => r.action === "refusal-summary")!;
    expect(summary).toMatchObject({ count: 1, clientRequestId: null });
    expect(summary.requestId).not.toBe(realId);
  });
});
