import { introspectWorkflow } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { InternalErrorBody, LockDeletionResponse, LockDetail, PreconditionFailedBody } from "@cleanup/shared";
import { afterEach, describe, expect, it } from "vitest";
import { stepFaults } from "../src/jobs/step-faults.ts";
import { deleteLock, json, seedLocksBeforeAll, staffCall } from "./helpers.ts";
import { archivesOf, auditOfJob, jobOf, leftOf } from "./job-helpers.ts";

const locks = seedLocksBeforeAll();
const withEvents = () => locks.filter((l) => l.event_count > 0);

afterEach(() => {
  stepFaults.beforeWork = null;
  stepFaults.afterWork = null;
});

describe("a job that fails for good after a destructive step", () => {
  it("says which steps ran, stays visible on the lock, and a new deletion finishes it from the verified archive", async () => {
    const lock = withEvents()[0]!;
    await staffCall(`/admin/locks/${lock.lock_id}`);
    const failing = await introspectWorkflow(env.DELETION_JOBS);
    await failing.modifyAll(async (m) => {
      await m.disableRetryDelays();
      await m.mockStepError({ name: "delete-do-state" }, new Error("DO unreachable"));
    });
    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS");
    await failing.dispose();
    expect(res.status).toBe(500);
    const failed = LockDeletionResponse.extend(InternalErrorBody.shape).parse(await res.json());
    expect(failed).toMatchObject({ success: false, error: "Internal Server Error", code: 500 });
    expect(failed.errors[0]).toMatch(/^delete-do-state: DO unreachable/);
    expect(failed.steps.map((s) => [s.name, s.status])).toEqual([
      ["record-started", "done"],
      ["freeze-and-check", "done"],
      ["archive", "done"],
      ["delete-events", "done"],
      ["delete-do-state", "failed"],
      ["delete-d1-rows", "skipped"],
    ]);
    expect(failed.deletionSummary).toMatch(
      /stopped at delete-do-state after delete-events; a new deletion finishes it/,
    );
    const job = await jobOf(failed.jobId!);
    expect(job).toMatchObject({ status: "failed", partial: true, error: { step: "delete-do-state" } });
    expect((await auditOfJob(job.jobId)).map((r) => r.outcome)).toEqual(["started", "failure"]);

    // The lock says so; its events are gone, and it takes no new ones (it stays frozen).
    const detail = LockDetail.parse(await json(await staffCall(`/admin/locks/${lock.lock_id}`)));
    expect(detail).toMatchObject({ deletion: { jobId: job.jobId, status: "failed" }, eventCount: 0 });
    const activity = await staffCall(`/admin/dev/locks/${lock.lock_id}/activity`, { method: "POST" });
    expect(activity.status).toBe(409);

    // A new deletion finishes the work from the first job's verified archive: no second, no empty one.
    const again = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS");
    expect(again.status).toBe(200);
    const done = LockDeletionResponse.parse(await again.json());
    expect(done.summary).toMatchObject({
      archivePath: failed.summary.archivePath,
      eventsArchived: lock.event_count,
    });
    expect(done.operations[2]).toMatch(new RegExp(`written by job ${job.jobId}, which ended part-way`));
    const archives = await archivesOf("lock", String(lock.lock_id));
    expect(archives.map((a) => a.jobId)).toEqual([job.jobId]);
    const left = await leftOf("lock", lock.uuid, lock.lock_id);
    expect(left).toMatchObject({ events: 0, doKeys: [], archiveObjects: [failed.summary.archivePath] });
    expect(left.rows).toEqual({ aggregates: 0, hubs: 0, locks: 0, keyAssignments: 0, tempKeys: 0 });
    expect((await auditOfJob(done.jobId!)).map((r) => r.outcome)).toEqual(["started", "success"]);
  });
});

describe("a job that fails before any destructive step", () => {
  it("deletes nothing, unfreezes the lock, and a retry writes its own archive", async () => {
    const lock = withEvents()[1]!;
    const before = LockDetail.parse(await json(await staffCall(`/admin/locks/${lock.lock_id}`)));
    const failing = await introspectWorkflow(env.DELETION_JOBS);
    await failing.modifyAll(async (m) => {
      await m.disableRetryDelays();
      await m.mockStepError({ name: "archive" }, new Error("R2 unavailable"));
    });
    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS");
    await failing.dispose();
    expect(res.status).toBe(500);
    const failed = (await res.json()) as { jobId: string; deletionSummary: string };
    expect(failed.deletionSummary).toMatch(/^Nothing was deleted from lock/);
    expect(await jobOf(failed.jobId)).toMatchObject({ status: "failed", partial: false });
    const after = LockDetail.parse(await json(await staffCall(`/admin/locks/${lock.lock_id}`)));
    expect({ ...after, deletion: null }).toEqual(before);
    expect(after.deletion).toBeNull();
    expect((await staffCall(`/admin/dev/locks/${lock.lock_id}/activity`, { method: "POST" })).status).toBe(
      200,
    );
  });
});

describe("a target that changed between the request and the job's check", () => {
  it("fails the job as a 412 would, listing what changed, audited as refused, deleting nothing", async () => {
    const lock = withEvents()[2]!;
    // The job checks its plan after the request made it: an event lands in between.
    stepFaults.beforeWork = async (_jobId, step) => {
      if (step !== "freeze-and-check") return;
      stepFaults.beforeWork = null;
      const res = await staffCall(`/admin/dev/locks/${lock.lock_id}/activity`, { method: "POST" });
      if (res.status !== 409) throw new Error(`expected the live job to refuse activity, got ${res.status}`);
      const { lockStub } = await import("../src/storage/aggregates-registry.ts");
      await lockStub(env, lock.uuid).append(lock.uuid, [{ type: "LOCKED", data: { actor: "device" } }]);
    };
    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS");
    expect(res.status).toBe(412);
    const body = PreconditionFailedBody.extend({ jobId: LockDeletionResponse.shape.jobId }).parse(
      await res.json(),
    );
    expect(body.changes.map((c) => c.field)).toEqual(expect.arrayContaining(["eventCount", "lastEventSeq"]));
    expect((await auditOfJob(body.jobId!)).map((r) => [r.outcome, r.actor])).toEqual([
      ["started", "support@smartphonekey.com"],
      ["refused", "support@smartphonekey.com"],
    ]);
    const left = await leftOf("lock", lock.uuid, lock.lock_id);
    expect(left.events).toBeGreaterThan(0);
    expect(left.archiveObjects).toEqual([]);
    expect(left.rows.locks).toBe(1);
  });
});
