import { env } from "cloudflare:workers";
import { JobAccepted } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import {
  call,
  dataFingerprint,
  deleteLock,
  json,
  seedLocksBeforeAll,
  staffCall,
  staffHeaders,
  tokenFor,
} from "./helpers.ts";
import { auditOfJob, jobEnded, jobOf } from "./job-helpers.ts";

const locks = seedLocksBeforeAll();

const cancel = (jobId: string, headers: Record<string, string> = {}) =>
  staffCall(`/admin/jobs/${jobId}/cancel`, { method: "POST", headers });
const lockExists = async (lockId: number) => (await staffCall(`/admin/locks/${lockId}`)).status === 200;

describe("schedule=<ISO 8601 duration>", () => {
  it.each([["PT0S"], ["P0D"], ["-PT1M"], ["P31D"], ["P1M"], ["P1Y"], ["PT"], ["10m"], [""]])(
    "refuses %j with a 400 naming schedule and deletes nothing",
    async (schedule) => {
      const before = await dataFingerprint();
      const res = await deleteLock(
        locks[5]!.lock_id,
        `mode=DELETE_DO_AND_EVENTS&schedule=${encodeURIComponent(schedule)}`,
      );
      expect(res.status).toBe(400);
      const body = await json<{ details: { field: string }[] }>(res);
      expect(body.details.map((d) => d.field)).toContain("schedule");
      expect(await dataFingerprint()).toEqual(before);
    },
  );

  it("takes P30D and answers 202 with a scheduled job and its runAt; the target is claimed; cancel ends it, audited", async () => {
    const lock = locks[6]!;
    const started = Date.now();
    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS&schedule=P30D", {
      "X-Audit-Reason": "TICKET-9 wait a month",
    });
    expect(res.status).toBe(202);
    const accepted = JobAccepted.parse(await res.json());
    expect(accepted.status).toBe("scheduled");
    const runAt = Date.parse(accepted.runAt!);
    expect(runAt - started).toBeGreaterThanOrEqual(30 * 86_400_000 - 1000);
    expect(runAt - started).toBeLessThan(30 * 86_400_000 + 60_000);
    const job = await jobOf(accepted.jobId);
    expect(job).toMatchObject({ status: "scheduled", schedule: "P30D", reason: "TICKET-9 wait a month" });

    // Claimed: another deletion of the lock is a 409 naming the scheduled job.
    const other = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY");
    expect(other.status).toBe(409);
    expect(await json(other)).toMatchObject({
      jobId: accepted.jobId,
      message: expect.stringMatching(
        new RegExp(
          `^Another deletion of lock .*#${lock.lock_id}\\) is scheduled \\(job ${accepted.jobId}\\)$`,
        ),
      ),
    });

    // Cancelled by another staff member, with a reason.
    const admin = await tokenFor("admin@smartphonekey.com");
    const cancelled = await call(`/admin/jobs/${accepted.jobId}/cancel`, {
      method: "POST",
      headers: staffHeaders(admin, { "X-Audit-Reason": "TICKET-9 customer came back" }),
    });
    expect(cancelled.status).toBe(200);
    expect(await json(cancelled)).toMatchObject({ status: "cancelled", endedBy: "admin@smartphonekey.com" });
    expect(await lockExists(lock.lock_id)).toBe(true);
    const records = await auditOfJob(accepted.jobId);
    expect(records.map((r) => [r.action, r.outcome, r.actor])).toEqual([
      ["schedule-deletion", "success", "support@smartphonekey.com"],
      ["delete-lock", "cancelled", "support@smartphonekey.com"],
      ["cancel-job", "success", "admin@smartphonekey.com"],
    ]);
    expect(records.find((r) => r.action === "cancel-job")!.reason).toBe("TICKET-9 customer came back");

    // Once ended: a second cancel is 409 (and audited as refused); the target is free again.
    const again = await cancel(accepted.jobId);
    expect(again.status).toBe(409);
    const refused = await staffCall(
      `/admin/audit?action=cancel-job&outcome=refused&targetId=${lock.lock_id}`,
    );
    expect((await json<{ items: unknown[] }>(refused)).items.length).toBeGreaterThan(0);
    expect((await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY")).status).toBe(200);
  });

  it("runs at runAt (PT2S) with the plan it was scheduled with", async () => {
    const lock = locks[7]!;
    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS&schedule=PT2S");
    expect(res.status).toBe(202);
    const accepted = JobAccepted.parse(await res.json());
    expect((await jobOf(accepted.jobId)).status).toBe("scheduled");
    const job = await jobEnded(accepted.jobId, 30_000);
    expect(job.status).toBe("succeeded");
    const recordStarted = job.steps.find((s) => s.name === "record-started")!;
    expect(Date.parse(recordStarted.startedAt!)).toBeGreaterThanOrEqual(Date.parse(job.runAt) - 50);
    expect(await lockExists(lock.lock_id)).toBe(false);
    expect((await auditOfJob(accepted.jobId)).map((r) => [r.action, r.outcome])).toEqual([
      ["schedule-deletion", "success"],
      ["delete-lock", "started"],
      ["delete-lock", "success"],
    ]);
    // Once it runs, cancel is too late.
    expect((await cancel(accepted.jobId)).status).toBe(409);
  });

  it("fails at runAt as a 412 would, saying what changed, when the target changed meanwhile", async () => {
    const lock = locks[8]!;
    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS&schedule=PT2S");
    const accepted = JobAccepted.parse(await res.json());
    const activity = await staffCall(`/admin/dev/locks/${lock.lock_id}/activity`, { method: "POST" });
    expect(activity.status).toBe(200);
    const job = await jobEnded(accepted.jobId, 30_000);
    expect(job.status).toBe("failed");
    expect(job.result!.httpStatus).toBe(412);
    expect(job.result!.body).toMatchObject({ code: 412 });
    const changes = (job.result!.body as { changes: { field: string }[] }).changes.map((c) => c.field);
    expect(changes).toContain("eventCount");
    expect(await lockExists(lock.lock_id)).toBe(true);
    expect((await auditOfJob(accepted.jobId)).map((r) => [r.action, r.outcome])).toEqual([
      ["schedule-deletion", "success"],
      ["delete-lock", "started"],
      ["delete-lock", "refused"],
    ]);
  });

  it("works on endpoints 2, 4 and 5 too", async () => {
    const hub = (await env.DB.prepare("SELECT id FROM hubs ORDER BY id DESC LIMIT 1").first<{
      id: string;
    }>())!;
    const a = await staffCall(`/admin/cleanup/hubs/${hub.id}?mode=DELETE_DO_ONLY&schedule=PT10M`, {
      method: "DELETE",
    });
    expect(a.status).toBe(202);
    const org = await staffCall("/organization/acme/key?schedule=PT1H", { method: "DELETE" });
    expect(org.status).toBe(202);
    const key = (await env.DB.prepare(
      "SELECT project_name, name FROM project_keys ORDER BY name LIMIT 1",
    ).first<{ project_name: string; name: string }>())!;
    const pk = await staffCall(`/apiops/projects/${key.project_name}/keys/${key.name}/?schedule=PT1H`, {
      method: "DELETE",
    });
    expect(pk.status).toBe(202);
    for (const res of [a, org, pk]) {
      const { jobId, status } = JobAccepted.parse(await res.json());
      expect(status).toBe("scheduled");
      expect((await cancel(jobId)).status).toBe(200);
    }
    expect((await staffCall("/admin/cleanup/delete-all?schedule=PT1H", { method: "POST" })).status).toBe(400);
  });
});
