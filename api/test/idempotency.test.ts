import { AuditListResponse, JobAccepted, LockDeletionResponse } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { stepFaults } from "../src/jobs/step-faults.ts";
import { call, deleteLock, json, seedLocksBeforeAll, staffCall, staffHeaders, tokenFor } from "./helpers.ts";

const locks = seedLocksBeforeAll();

const auditCount = async () =>
  AuditListResponse.parse(await json(await staffCall("/admin/audit?limit=500"))).items.length;

describe("Idempotency-Key on a deletion", () => {
  it("runs once; a repeat returns the stored result without deleting or auditing again", async () => {
    const lock = locks[2]!;
    const audits = await auditCount();
    const headers = { "Idempotency-Key": "reset-lock-1" };
    const first = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS", headers);
    expect(first.status).toBe(200);
    const firstBody = LockDeletionResponse.parse(await first.json());

    const repeat = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS", headers);
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get("Idempotent-Replayed")).toBe("true");
    expect(LockDeletionResponse.parse(await repeat.json())).toEqual(firstBody);
    expect(await auditCount()).toBe(audits + 2); // one job: its started and its final record

    const withoutKey = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS");
    expect(withoutKey.status).toBe(404);
  });

  it("answers 422 for a different request under the same key", async () => {
    const headers = { "Idempotency-Key": "reset-lock-2" };
    expect((await deleteLock(locks[3]!.lock_id, "mode=DELETE_DO_ONLY", headers)).status).toBe(200);
    const other = await deleteLock(locks[3]!.lock_id, "mode=DELETE_DO_AND_EVENTS", headers);
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ error: "Unprocessable Entity", code: 422 });
  });

  it("while the first request's job runs, answers the job's status; then its outcome", async () => {
    const lock = locks[4]!;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    stepFaults.beforeWork = (_jobId, step) => (step === "delete-do-state" ? held : undefined);
    try {
      const headers = { "Idempotency-Key": "in-flight", Prefer: "respond-async" };
      const first = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY", headers);
      expect(first.status).toBe(202);
      const accepted = JobAccepted.parse(await first.json());
      expect(first.headers.get("Location")).toBe(accepted.statusUrl);
      const repeat = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY", headers);
      expect(repeat.status).toBe(202);
      expect(JobAccepted.parse(await repeat.json())).toMatchObject({ jobId: accepted.jobId });
      // Without the key it is another deletion of a target a live job holds.
      const other = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY");
      expect(other.status).toBe(409);
      expect(other.headers.get("Retry-After")).toBe("2");
      expect(await other.json()).toMatchObject({ error: "Conflict", code: 409, jobId: accepted.jobId });
      release();
      const done = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY", { "Idempotency-Key": "in-flight" });
      expect(done.status).toBe(200);
      expect(done.headers.get("Idempotent-Replayed")).toBe("true");
      expect(LockDeletionResponse.parse(await done.json())).toMatchObject({
        success: true,
        jobId: accepted.jobId,
      });
    } finally {
      stepFaults.beforeWork = null;
      release();
    }
  });

  it("keeps keys per actor, does not store refusals, and rejects a malformed key", async () => {
    const headers = { "Idempotency-Key": "shared-name" };
    expect((await deleteLock(locks[5]!.lock_id, "mode=DELETE_DO_ONLY", headers)).status).toBe(200);
    const admin = await tokenFor("admin@smartphonekey.com");
    const byAdmin = await call(`/admin/cleanup/locks/${locks[6]!.lock_id}?mode=DELETE_DO_ONLY`, {
      method: "DELETE",
      headers: staffHeaders(admin, headers),
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.headers.get("Idempotent-Replayed")).toBeNull();

    const refusedKey = { "Idempotency-Key": "after-a-typo" };
    expect((await deleteLock(locks[7]!.lock_id, "mode=DELETE_DO_ONLI", refusedKey)).status).toBe(400);
    // The refusal was not stored: the corrected request may reuse the key.
    expect((await deleteLock(locks[7]!.lock_id, "mode=DELETE_DO_ONLY", refusedKey)).status).toBe(200);

    const bad = await deleteLock(locks[7]!.lock_id, "mode=DELETE_DO_ONLY", {
      "Idempotency-Key": "x".repeat(300),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ details: [{ field: "Idempotency-Key" }] });
  });
});
