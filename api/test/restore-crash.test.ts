import { introspectWorkflow } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { type JobStepName, RestoreResponse } from "@cleanup/shared";
import { afterEach, describe, expect, it } from "vitest";
import { stepFaults } from "../src/jobs/step-faults.ts";
import { deleteLock, seedLocksBeforeAll, staffCall } from "./helpers.ts";
import { archivesOf, auditOfJob, crashOnceAfter, jobOf, leftOf } from "./job-helpers.ts";

// A crash at every step boundary of a restore: the step did its work once, then the Worker "died"
// before the engine recorded it, so the resumed job runs that step again. The lock must read exactly
// as before its deletion, with one restore, two audit records and no second copy of anything.
const locks = seedLocksBeforeAll();

const STEPS: JobStepName[] = [
  "record-started",
  "freeze-and-check",
  "verify-archive",
  "write-events",
  "write-d1-rows",
  "rebuild-do-state",
  "record-final",
];

afterEach(() => {
  stepFaults.afterWork = null;
});

describe("a restore that crashes after a step did its work", () => {
  it.each(STEPS.map((step, i) => [step, i] as const))(
    "after %s resumes and finishes: the lock reads as before, one restore, started and success on record",
    async (step, i) => {
      const lock = locks.filter((l) => l.event_count > 0)[i + 1]!;
      const before = await (await staffCall(`/admin/locks/${lock.lock_id}`)).json();
      const del = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS");
      expect(del.status).toBe(200);
      const [archive] = await archivesOf("lock", String(lock.lock_id));

      await using crash = await crashOnceAfter(step);
      const res = await staffCall(`/admin/archives/${archive!.id}/restore`, { method: "POST" });
      expect(res.status).toBe(200);
      const body = RestoreResponse.parse(await res.json());
      expect(crash.crashed).toEqual([step]);
      expect(body.success).toBe(true);
      expect(body.summary.eventsRestored).toBe(lock.event_count);

      expect(await (await staffCall(`/admin/locks/${lock.lock_id}`)).json()).toEqual(before);
      const left = await leftOf("lock", lock.uuid, lock.lock_id);
      expect(left.rows.locks).toBe(1);
      expect(left.rows.aggregates).toBe(1);
      expect((await auditOfJob(body.jobId!)).map((r) => [r.action, r.outcome])).toEqual([
        ["restore-lock", "started"],
        ["restore-lock", "success"],
      ]);
      const job = await jobOf(body.jobId!);
      expect(job).toMatchObject({ status: "succeeded", partial: false });
      const [after] = await archivesOf("lock", String(lock.lock_id));
      expect(after).toMatchObject({ id: archive!.id, restoredByJob: body.jobId });
    },
  );
});

describe("a restore whose step fails for good after writing", () => {
  it("is finished by a second restore of the same archive", async () => {
    const lock = locks.filter((l) => l.event_count > 0)[10]!;
    const before = await (await staffCall(`/admin/locks/${lock.lock_id}`)).json();
    expect((await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS")).status).toBe(200);
    const [archive] = await archivesOf("lock", String(lock.lock_id));
    await using jobs = await introspectWorkflow(env.DELETION_JOBS);
    await jobs.modifyAll(async (m) => {
      await m.disableRetryDelays();
    });
    stepFaults.afterWork = (_jobId, name) => {
      if (name === "write-events") throw new Error("R2 keeps failing");
    };
    const failed = await staffCall(`/admin/archives/${archive!.id}/restore`, { method: "POST" });
    expect(failed.status).toBe(500);
    stepFaults.afterWork = null;
    // Its events are back in R2 but no D1 row: the lock is not readable yet, and nothing is lost.
    expect((await staffCall(`/admin/locks/${lock.lock_id}`)).status).toBe(404);
    const again = await staffCall(`/admin/archives/${archive!.id}/restore`, { method: "POST" });
    expect(again.status).toBe(200);
    expect(await (await staffCall(`/admin/locks/${lock.lock_id}`)).json()).toEqual(before);
  });
});
