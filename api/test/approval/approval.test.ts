import { Job, JobAccepted } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { call, deleteLock, json, seedLocksBeforeAll, staffCall, staffHeaders, tokenFor } from "../helpers.ts";
import { archivesOf, auditOfJob, jobEnded, jobOf } from "../job-helpers.ts";

const locks = seedLocksBeforeAll();
const ADMIN = "admin@smartphonekey.com";
const SUPPORT = "support@smartphonekey.com";

async function asAdmin(path: string, headers: Record<string, string> = {}) {
  return call(path, { method: "POST", headers: staffHeaders(await tokenFor(ADMIN), headers) });
}
const lockExists = async (lockId: number) => (await staffCall(`/admin/locks/${lockId}`)).status === 200;

/** A deletion requested by support: 202 awaiting approval. */
async function request(lockId: number, query = "mode=DELETE_DO_AND_EVENTS") {
  const res = await deleteLock(lockId, query, { "X-Audit-Reason": "TICKET-5 stuck lock" });
  expect(res.status).toBe(202);
  const accepted = JobAccepted.parse(await res.json());
  expect(accepted.status).toBe("awaiting-approval");
  return jobOf(accepted.jobId);
}

describe("with REQUIRE_APPROVAL=true", () => {
  it("a deletion waits for a second staff member; the requester cannot approve it; another approves with the plan's token and it runs", async () => {
    const lock = locks[1]!;
    const job = await request(lock.lock_id);
    expect(job.approval).toMatchObject({ decision: null });
    expect(Date.parse(job.approval!.expiresAt) - Date.parse(job.createdAt)).toBeGreaterThan(4000);
    expect(job.plan!.counts.events).toBe(lock.event_count);
    expect(job.reason).toBe("TICKET-5 stuck lock");
    expect(await lockExists(lock.lock_id)).toBe(true);

    const self = await staffCall(`/admin/jobs/${job.jobId}/approve`, {
      method: "POST",
      headers: { "If-Match": `"${job.planToken}"` },
    });
    expect(self.status).toBe(403);
    expect((await asAdmin(`/admin/jobs/${job.jobId}/approve`)).status).toBe(400);
    const stale = await asAdmin(`/admin/jobs/${job.jobId}/approve`, {
      "If-Match": '"0123456789abcdef0123456789abcdef"',
    });
    expect(stale.status).toBe(412);
    expect((await jobOf(job.jobId)).status).toBe("awaiting-approval");

    const ok = await asAdmin(`/admin/jobs/${job.jobId}/approve`, {
      "If-Match": `"${job.planToken}"`,
      "X-Audit-Reason": "checked with the customer",
    });
    expect(ok.status).toBe(200);
    expect(Job.parse(await ok.json()).approval).toMatchObject({ decision: "approved", decidedBy: ADMIN });
    const again = await asAdmin(`/admin/jobs/${job.jobId}/approve`, { "If-Match": `"${job.planToken}"` });
    expect(again.status).toBe(409);

    const ended = await jobEnded(job.jobId);
    expect(ended.status).toBe("succeeded");
    expect(await lockExists(lock.lock_id)).toBe(false);
    const records = await auditOfJob(job.jobId);
    expect(records.filter((r) => r.outcome !== "refused").map((r) => [r.action, r.outcome, r.actor])).toEqual(
      [
        ["request-approval", "success", SUPPORT],
        ["approve-job", "success", ADMIN],
        ["delete-lock", "started", SUPPORT],
        ["delete-lock", "success", SUPPORT],
      ],
    );
    expect(records.find((r) => r.action === "approve-job")!.reason).toBe("checked with the customer");
  });

  it("an approval re-checks the target: changed since the request, it is 412 and the job still waits; a rejection ends it", async () => {
    const lock = locks[2]!;
    const job = await request(lock.lock_id);
    expect((await staffCall(`/admin/dev/locks/${lock.lock_id}/activity`, { method: "POST" })).status).toBe(
      200,
    );
    const res = await asAdmin(`/admin/jobs/${job.jobId}/approve`, { "If-Match": `"${job.planToken}"` });
    expect(res.status).toBe(412);
    expect((await json<{ changes: { field: string }[] }>(res)).changes.map((c) => c.field)).toContain(
      "eventCount",
    );
    expect((await jobOf(job.jobId)).status).toBe("awaiting-approval");

    const rejected = await asAdmin(`/admin/jobs/${job.jobId}/reject`, {
      "X-Audit-Reason": "target changed, ask again",
    });
    expect(rejected.status).toBe(200);
    expect(Job.parse(await rejected.json())).toMatchObject({
      status: "cancelled",
      approval: { decision: "rejected", decidedBy: ADMIN, reason: "target changed, ask again" },
    });
    expect(await lockExists(lock.lock_id)).toBe(true);
    expect(
      (await asAdmin(`/admin/jobs/${job.jobId}/approve`, { "If-Match": `"${job.planToken}"` })).status,
    ).toBe(409);
    const records = await auditOfJob(job.jobId);
    expect(records.filter((r) => r.outcome !== "refused").map((r) => [r.action, r.outcome, r.actor])).toEqual(
      [
        ["request-approval", "success", SUPPORT],
        ["delete-lock", "cancelled", SUPPORT],
        ["reject-job", "success", ADMIN],
      ],
    );
    // The refused approvals are on record too, under the lock.
    expect(records.filter((r) => r.action === "approve-job" && r.outcome === "refused").length).toBe(0);
    const refusals = await staffCall(
      `/admin/audit?action=approve-job&outcome=refused&targetId=${lock.lock_id}`,
    );
    expect((await json<{ items: unknown[] }>(refusals)).items.length).toBeGreaterThanOrEqual(1);
  });

  it("a request nobody approves expires after APPROVAL_TTL: the job ends, audited, nothing deleted", async () => {
    const lock = locks[3]!;
    const job = await request(lock.lock_id);
    const ended = await jobEnded(job.jobId, 20_000);
    expect(ended.status).toBe("failed");
    expect(ended.approval?.decision).toBe("expired");
    expect(ended.error?.message).toMatch(/expired/);
    expect(await lockExists(lock.lock_id)).toBe(true);
    expect(
      (await asAdmin(`/admin/jobs/${job.jobId}/approve`, { "If-Match": `"${job.planToken}"` })).status,
    ).toBe(409);
    const records = await auditOfJob(job.jobId);
    expect(records.filter((r) => r.outcome !== "refused").map((r) => [r.action, r.outcome])).toEqual([
      ["request-approval", "success"],
      ["delete-lock", "failure"],
    ]);
    // The target is free again.
    const next = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY");
    expect(next.status).toBe(202);
    expect(
      (
        await staffCall(`/admin/jobs/${JobAccepted.parse(await next.json()).jobId}/cancel`, {
          method: "POST",
        })
      ).status,
    ).toBe(200);
  }, 30_000);

  it("lists what waits for a second person; a restore waits too; a waiting period follows the approval", async () => {
    const lock = locks[4]!;
    const job = await request(lock.lock_id, "mode=DELETE_DO_AND_EVENTS&schedule=PT2S");
    const list = await staffCall("/admin/jobs?status=awaiting-approval");
    expect((await json<{ items: { jobId: string }[] }>(list)).items.map((j) => j.jobId)).toContain(job.jobId);
    const ok = await asAdmin(`/admin/jobs/${job.jobId}/approve`, { "If-Match": `"${job.planToken}"` });
    expect(ok.status).toBe(200);
    expect(["scheduled", "queued", "running", "succeeded"]).toContain(Job.parse(await ok.json()).status);
    const ended = await jobEnded(job.jobId, 20_000);
    expect(ended.status).toBe("succeeded");
    expect(
      Date.parse(ended.steps.find((s) => s.name === "record-started")!.startedAt!),
    ).toBeGreaterThanOrEqual(Date.parse(ended.runAt) - 50);

    const [archive] = await archivesOf("lock", String(lock.lock_id));
    const restore = await staffCall(`/admin/archives/${archive!.id}/restore`, { method: "POST" });
    expect(restore.status).toBe(202);
    const restoreJob = await jobOf(JobAccepted.parse(await restore.json()).jobId);
    expect(restoreJob).toMatchObject({ status: "awaiting-approval", action: "restore-lock" });
    const approved = await asAdmin(`/admin/jobs/${restoreJob.jobId}/approve`, {
      "If-Match": `"${restoreJob.planToken}"`,
    });
    expect(approved.status).toBe(200);
    expect((await jobEnded(restoreJob.jobId)).status).toBe("succeeded");
    expect(await lockExists(lock.lock_id)).toBe(true);
  }, 30_000);
});

describe("the worst moments of an approval", () => {
  it("an approval sent the moment the request is made runs the job at once, not at the TTL", async () => {
    const lock = locks[5]!;
    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY");
    const { jobId } = JobAccepted.parse(await res.json());
    const job = await jobOf(jobId);
    const approvedAt = Date.now();
    expect((await asAdmin(`/admin/jobs/${jobId}/approve`, { "If-Match": `"${job.planToken}"` })).status).toBe(
      200,
    );
    const ended = await jobEnded(jobId, 20_000);
    expect(ended.status).toBe("succeeded");
    // The TTL is five seconds: an approval lost before the wait would only run once it timed out.
    expect(Date.parse(ended.endedAt!) - approvedAt).toBeLessThan(4000);
  });

  it("of 10 approvals and a rejection at once exactly one decides; the others are 409", async () => {
    const lock = locks[6]!;
    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY");
    const { jobId } = JobAccepted.parse(await res.json());
    const job = await jobOf(jobId);
    const admin = await tokenFor(ADMIN);
    const acts = [
      ...Array.from({ length: 10 }, () =>
        call(`/admin/jobs/${jobId}/approve`, {
          method: "POST",
          headers: staffHeaders(admin, { "If-Match": `"${job.planToken}"` }),
        }),
      ),
      call(`/admin/jobs/${jobId}/reject`, { method: "POST", headers: staffHeaders(admin) }),
    ];
    const statuses = (await Promise.all(acts)).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    const ended = await jobEnded(jobId, 20_000);
    const records = (await auditOfJob(jobId)).filter(
      (r) => ["approve-job", "reject-job"].includes(r.action) && r.outcome === "success",
    );
    expect(records).toHaveLength(1);
    expect(ended.status).toBe(records[0]!.action === "approve-job" ? "succeeded" : "cancelled");
  });
});
