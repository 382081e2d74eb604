import {
  ArchiveListResponse,
  ENDPOINT_LIST,
  Job,
  JobAccepted,
  JobListResponse,
  SearchResponse,
} from "@cleanup/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { apiCall, signIn, type TestApp, testApp } from "../../test/helpers.ts";

let app: TestApp;
let cookie: string;
beforeAll(async () => {
  app = await testApp();
  cookie = await signIn(app);
});

/** A lock with events, so that DELETE_DO_AND_EVENTS writes an archive. */
async function lockWithEvents(): Promise<string> {
  const { items } = SearchResponse.parse(
    await (await apiCall(app, cookie, "/dev/admin/search?type=lock&limit=100")).json(),
  );
  for (const { id } of items.reverse()) {
    const lock = (await (await apiCall(app, cookie, `/dev/admin/locks/${id}`)).json()) as {
      eventCount?: number;
      deletion?: unknown;
    };
    if ((lock.eventCount ?? 0) > 0 && !lock.deletion) return id;
  }
  throw new Error("no lock with events left");
}

async function ended(statusUrl: string): Promise<Job> {
  for (let i = 0; i < 300; i++) {
    const job = Job.parse(await (await apiCall(app, cookie, `/dev${statusUrl}`)).json());
    if (["succeeded", "failed", "cancelled"].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${statusUrl} did not end`);
}

describe("/bff/api forwards the jobs and archives routes of the endpoint table", () => {
  it("a deletion's job, the job list filtered by target and status, and the archive it wrote", async () => {
    const lockId = await lockWithEvents();
    const preview = await apiCall(
      app,
      cookie,
      `/dev/admin/cleanup/locks/${lockId}?mode=DELETE_DO_AND_EVENTS&dryRun=true`,
      {
        method: "DELETE",
      },
    );
    const { planToken } = (await preview.json()) as { planToken: string };
    const started = await apiCall(
      app,
      cookie,
      `/dev/admin/cleanup/locks/${lockId}?mode=DELETE_DO_AND_EVENTS`,
      {
        method: "DELETE",
        headers: {
          "If-Match": `"${planToken}"`,
          "Idempotency-Key": `bff-jobs-${Date.now()}`,
          "X-Audit-Reason": "BFF-JOBS: forwarded job routes",
          Prefer: "respond-async",
        },
      },
    );
    expect(started.status).toBe(202);
    const accepted = JobAccepted.parse(await started.json());
    expect(started.headers.get("Location")).toBe(accepted.statusUrl);
    const job = await ended(accepted.statusUrl);
    expect(job).toMatchObject({ status: "succeeded", target: { type: "lock", id: lockId } });
    expect(job.steps.find((s) => s.name === "archive")).toMatchObject({ status: "done" });

    // The list keeps its query string: only this lock's jobs, only succeeded ones.
    const list = await apiCall(
      app,
      cookie,
      `/dev/admin/jobs?targetType=lock&targetId=${lockId}&status=succeeded&limit=5`,
    );
    expect(list.status).toBe(200);
    const { items } = JobListResponse.parse(await list.json());
    expect(items.map((j) => j.jobId)).toContain(accepted.jobId);
    expect(items.every((j) => j.target.id === lockId && j.status === "succeeded")).toBe(true);

    const archives = await apiCall(app, cookie, `/dev/admin/archives?targetType=lock&targetId=${lockId}`);
    expect(archives.status).toBe(200);
    const listed = ArchiveListResponse.parse(await archives.json()).items;
    expect(listed).toEqual([
      expect.objectContaining({
        jobId: accepted.jobId,
        status: "verified",
        targetType: "lock",
        targetId: lockId,
      }),
    ]);
  });

  it("pages the job list with the api's cursor", async () => {
    const lockId = await lockWithEvents();
    for (let i = 0; i < 2; i++) {
      const res = await apiCall(app, cookie, `/dev/admin/cleanup/locks/${lockId}?mode=DELETE_DO_ONLY`, {
        method: "DELETE",
        headers: { Prefer: "respond-async" },
      });
      await ended(JobAccepted.parse(await res.json()).statusUrl);
    }
    const first = JobListResponse.parse(await (await apiCall(app, cookie, "/dev/admin/jobs?limit=1")).json());
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = JobListResponse.parse(
      await (await apiCall(app, cookie, `/dev/admin/jobs?limit=1&cursor=${first.nextCursor}`)).json(),
    );
    expect(second.items[0]!.jobId).not.toBe(first.items[0]!.jobId);
  });

  it("passes the api's 400 on a bad filter or job id, naming the field, and its 404 for a job that does not exist", async () => {
    const bad = await apiCall(app, cookie, "/dev/admin/jobs?status=sleeping");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 400, details: [{ field: "status" }] });
    const badId = await apiCall(app, cookie, "/dev/admin/jobs/not-a-uuid");
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({ details: [{ field: "jobId" }] });
    const missing = await apiCall(app, cookie, `/dev/admin/jobs/${crypto.randomUUID()}`);
    expect(missing.status).toBe(404);
  });

  it("and no route the table keeps from it, the dev job pace included", async () => {
    for (const e of ENDPOINT_LIST.filter((e) => !e.bff && e.path.startsWith("/admin/"))) {
      const path = e.path.replace(/:[A-Za-z]+/g, "1001");
      const res = await apiCall(app, cookie, `/dev${path}`, { method: e.method });
      expect(res.status, `${e.method} ${path}`).toBe(404);
    }
  });
});
