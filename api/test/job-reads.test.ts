import { env } from "cloudflare:workers";
import {
  ArchiveListResponse,
  HubDetail,
  Job,
  JobListResponse,
  LockDetail,
  OrganizationDetail,
} from "@cleanup/shared";
import { afterEach, describe, expect, it } from "vitest";
import { stepFaults } from "../src/jobs/step-faults.ts";
import { deleteLock, json, seedLocksBeforeAll, staffCall } from "./helpers.ts";
import { holdAt, jobEnded, jobOf } from "./job-helpers.ts";

const locks = seedLocksBeforeAll();

afterEach(() => {
  stepFaults.beforeWork = null;
});

const async = { Prefer: "respond-async" };
const accepted = async (res: Response) => {
  expect(res.status).toBe(202);
  return ((await res.json()) as { jobId: string }).jobId;
};

describe("reads of a target a live job holds", () => {
  it("carry deletion {jobId, status} and never a snapshot R2 no longer holds", async () => {
    const lock = locks.find((l) => l.event_count > 0)!;
    const before = LockDetail.parse(await json(await staffCall(`/admin/locks/${lock.lock_id}`)));
    expect(before).toMatchObject({ deletion: null, eventCount: lock.event_count });
    const release = holdAt("delete-d1-rows");
    const jobId = await accepted(await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS", async));
    for (
      let i = 0;
      (await jobOf(jobId)).steps.find((s) => s.name === "delete-do-state")?.status !== "done";
      i++
    ) {
      if (i > 200) throw new Error("the job did not reach delete-d1-rows");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    // Events and DO state are gone, the D1 rows not yet: the read says a job holds it, and shows R2's truth.
    for (const id of [lock.lock_id, lock.uuid]) {
      const during = LockDetail.parse(await json(await staffCall(`/admin/locks/${id}`)));
      expect(during).toMatchObject({
        deletion: { jobId, status: "running" },
        eventCount: 0,
        lastEventAt: null,
      });
    }
    const activity = await staffCall(`/admin/dev/locks/${lock.lock_id}/activity`, { method: "POST" });
    expect(activity.status).toBe(409);
    expect(await activity.json()).toMatchObject({ jobId });
    release();
    expect((await jobEnded(jobId)).status).toBe("succeeded");
    expect((await staffCall(`/admin/locks/${lock.lock_id}`)).status).toBe(404);
  });

  it("of a hub and an organization, too; and every target while delete-all runs", async () => {
    const hub = await env.DB.prepare("SELECT id FROM hubs ORDER BY id LIMIT 1").first<{ id: string }>();
    const release = holdAt("delete-do-state");
    const hubJob = await accepted(
      await staffCall(`/admin/cleanup/hubs/${hub!.id}?mode=DELETE_DO_ONLY`, {
        method: "DELETE",
        headers: async,
      }),
    );
    const orgJob = await accepted(
      await staffCall("/organization/acme/key", { method: "DELETE", headers: async }),
    );
    expect(HubDetail.parse(await json(await staffCall(`/admin/hubs/${hub!.id}`))).deletion).toMatchObject({
      jobId: hubJob,
    });
    release();
    await jobEnded(hubJob);
    await jobEnded(orgJob);
    expect(HubDetail.parse(await json(await staffCall(`/admin/hubs/${hub!.id}`))).deletion).toBeNull();
    expect(
      OrganizationDetail.parse(await json(await staffCall("/admin/organizations/acme"))).deletion,
    ).toBeNull();

    const releaseAll = holdAt("delete-events");
    const reset = await accepted(
      await staffCall("/admin/cleanup/delete-all", { method: "POST", headers: async }),
    );
    const lock = locks[locks.length - 1]!;
    expect(LockDetail.parse(await json(await staffCall(`/admin/locks/${lock.lock_id}`))).deletion).toEqual({
      jobId: reset,
      status: expect.stringMatching(/^(queued|running)$/),
    });
    releaseAll();
    const job = await jobEnded(reset);
    expect(job.status).toBe("succeeded");
    // Real per-step progress: each step counted its own units.
    const events = job.steps.find((s) => s.name === "delete-events")!;
    expect(events.total).toBeGreaterThan(0);
    expect(events.done).toBe(events.total);
    expect(job.steps.find((s) => s.name === "delete-do-state")).toMatchObject({ status: "done" });
  });
});

describe("GET /admin/jobs and /admin/jobs/{jobId}", () => {
  it("lists jobs newest first with filters and cursor paging; shows one job in the published shape", async () => {
    const { items: all } = JobListResponse.parse(await json(await staffCall("/admin/jobs?limit=100")));
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all.map((j) => Date.parse(j.createdAt))).toEqual(
      [...all.map((j) => Date.parse(j.createdAt))].sort((a, b) => b - a),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = JobListResponse.parse(
        await json(await staffCall(`/admin/jobs?limit=2${cursor ? `&cursor=${cursor}` : ""}`)),
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((j) => j.jobId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((j) => j.jobId));

    const lockJobs = JobListResponse.parse(await json(await staffCall("/admin/jobs?targetType=lock")));
    expect(lockJobs.items.every((j) => j.target.type === "lock")).toBe(true);
    const first = lockJobs.items[0]!;
    const byUuid = await env.DB.prepare("SELECT target_uuid FROM jobs WHERE job_id = ?1")
      .bind(first.jobId)
      .first<{ target_uuid: string }>();
    for (const id of [first.target.id, byUuid!.target_uuid]) {
      const found = JobListResponse.parse(
        await json(await staffCall(`/admin/jobs?targetType=lock&targetId=${id}`)),
      );
      expect(found.items.map((j) => j.jobId)).toContain(first.jobId);
    }
    const succeeded = JobListResponse.parse(await json(await staffCall("/admin/jobs?status=succeeded")));
    expect(succeeded.items.every((j) => j.status === "succeeded")).toBe(true);

    const job = Job.parse(await json(await staffCall(`/admin/jobs/${first.jobId}`)));
    expect(Object.keys(job)).toEqual(
      expect.arrayContaining([
        "jobId",
        "action",
        "target",
        "status",
        "actor",
        "createdAt",
        "runAt",
        "steps",
        "progress",
        "result",
        "auditIds",
        "error",
      ]),
    );
    for (const step of job.steps) {
      expect(Object.keys(step)).toEqual(
        expect.arrayContaining(["name", "status", "done", "total", "startedAt", "endedAt"]),
      );
    }
    expect(job.result).toMatchObject({ httpStatus: 200, body: { success: true, jobId: job.jobId } });
    expect((await staffCall(`/admin/jobs/${crypto.randomUUID()}`)).status).toBe(404);
    const bad = await staffCall("/admin/jobs?status=done&cursor=x");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      details: expect.arrayContaining([
        expect.objectContaining({ field: "status" }),
        expect.objectContaining({ field: "cursor" }),
      ]),
    });
  });
});

describe("GET /admin/archives", () => {
  it("lists every object under archives/, including one written before jobs", async () => {
    const legacy = "archives/lock/0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3/20260101T000000000Z-req-1.ndjson";
    await env.EVENTS.put(legacy, '{"seq":1,"type":"LOCKED","at":"2026-01-01T00:00:00.000Z","data":{}}\n', {
      customMetadata: {
        kind: "lock",
        id: "0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3",
        eventCount: "1",
        sha256: "ab",
        lastSeq: "1",
      },
    });
    // The backfill runs once: let this list be its first run in this file's storage.
    await env.DB.prepare("DELETE FROM archive_backfill").run();
    const { items } = ArchiveListResponse.parse(await json(await staffCall("/admin/archives")));
    const objects = (await env.EVENTS.list({ prefix: "archives/" })).objects.map((o) => o.key).sort();
    expect(items.map((a) => a.path).sort()).toEqual(objects);
    expect(items.find((a) => a.path === legacy)).toMatchObject({
      jobId: null,
      events: 1,
      status: "verified",
    });
    const fromJobs = items.filter((a) => a.jobId !== null);
    expect(fromJobs.length).toBeGreaterThan(0);
    for (const a of fromJobs)
      expect(a).toMatchObject({ status: "verified", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});
