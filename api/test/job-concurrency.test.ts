import { env } from "cloudflare:workers";
import { ConflictBody, HubDeletionResponse, LockDeletionResponse } from "@cleanup/shared";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stepFaults } from "../src/jobs/step-faults.ts";
import { deleteLock, seedLocksBeforeAll, staffCall } from "./helpers.ts";
import { archivesOf, auditOfJob, holdAt, jobEnded, jobOf, leftOf } from "./job-helpers.ts";

const locks = seedLocksBeforeAll();

afterEach(() => {
  stepFaults.beforeWork = null;
  vi.restoreAllMocks();
});

describe("20 concurrent deletions of one hub", () => {
  it("run one job: one 200, the others 409 with its jobId (or 404 once it is gone); one success record, one archive", async () => {
    const hub = await env.DB.prepare(
      "SELECT h.id FROM hubs h JOIN aggregates a ON a.kind = 'hub' AND a.id = h.id ORDER BY a.event_count DESC LIMIT 1",
    ).first<{ id: string }>();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        staffCall(`/admin/cleanup/hubs/${hub!.id}?mode=DELETE_DO_AND_EVENTS`, { method: "DELETE" }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409 || s === 404)).toBe(true);
    const winner = HubDeletionResponse.parse(await responses.find((r) => r.status === 200)!.json());
    for (const res of responses.filter((r) => r.status === 409)) {
      expect(ConflictBody.parse(await res.json())).toMatchObject({ code: 409, jobId: winner.jobId });
    }
    const jobs = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM jobs WHERE target_type = 'hub' AND target_id = ?1",
    )
      .bind(hub!.id)
      .first<{ n: number }>();
    expect(jobs!.n).toBe(1);
    expect(await archivesOf("hub", hub!.id)).toHaveLength(1);
    const records = await env.DB.prepare(
      "SELECT outcome, COUNT(*) AS n FROM audit_index WHERE target_type = 'hub' AND target_id = ?1 GROUP BY outcome",
    )
      .bind(hub!.id)
      .all<{ outcome: string; n: number }>();
    const byOutcome = Object.fromEntries(records.results.map((r) => [r.outcome, r.n]));
    expect(byOutcome).toMatchObject({ started: 1, success: 1, refused: 19 });
    // Later, the normal answer for a target that is gone.
    expect(
      (await staffCall(`/admin/cleanup/hubs/${hub!.id}?mode=DELETE_DO_AND_EVENTS`, { method: "DELETE" }))
        .status,
    ).toBe(404);
  });
});

describe("the api dies between claiming the target and starting the job", () => {
  it("leaves nothing wedged: a retry with the same Idempotency-Key starts the job and gets its outcome", async () => {
    const lock = locks.find((l) => l.event_count > 0 && l !== locks[0] && l !== locks[1])!;
    vi.spyOn(env.DELETION_JOBS, "create").mockRejectedValueOnce(new Error("the api process died"));
    const headers = { "Idempotency-Key": "crash-before-start" };
    const crashed = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS", headers);
    expect(crashed.status).toBe(500);
    const row = await env.DB.prepare(
      "SELECT job_id, status FROM jobs WHERE idem_key = 'crash-before-start'",
    ).first<{
      job_id: string;
      status: string;
    }>();
    expect(row).toMatchObject({ status: "queued" });
    // Meanwhile the target is claimed: another deletion is told which job holds it.
    const other = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS");
    expect(other.status).toBe(409);
    // (that 409 also made sure the job runs; the retry finds it either way)
    const retry = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS", headers);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    const body = LockDeletionResponse.parse(await retry.json());
    expect(body).toMatchObject({ success: true, jobId: row!.job_id });
    expect((await auditOfJob(row!.job_id)).map((r) => r.outcome)).toEqual(["started", "success"]);
    expect((await leftOf("lock", lock.uuid, lock.lock_id)).events).toBe(0);
  });

  it("GET /admin/jobs/{jobId} starts a job nobody touched again", async () => {
    const lock = locks.filter((l) => l.event_count > 0)[5]!;
    vi.spyOn(env.DELETION_JOBS, "create").mockRejectedValueOnce(new Error("the api process died"));
    expect((await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY")).status).toBe(500);
    const row = await env.DB.prepare(
      "SELECT job_id FROM jobs WHERE target_type = 'lock' AND target_id = ?1 ORDER BY seq DESC LIMIT 1",
    )
      .bind(String(lock.lock_id))
      .first<{ job_id: string }>();
    expect((await jobOf(row!.job_id)).status).toBe("queued");
    expect((await jobEnded(row!.job_id)).status).toBe("succeeded");
  });
});

// Last: it empties the environment.
describe("delete-all and a target's deletion", () => {
  it("exclude each other: delete-all waits for no live job, and no deletion starts while delete-all runs", async () => {
    const lock = locks[0]!;
    const release = holdAt("delete-do-state");
    const held = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY", { Prefer: "respond-async" });
    expect(held.status).toBe(202);
    const { jobId } = (await held.json()) as { jobId: string };
    const all = await staffCall("/admin/cleanup/delete-all", { method: "POST" });
    expect(all.status).toBe(409);
    expect(ConflictBody.parse(await all.json()).jobId).toBe(jobId);
    release();
    expect((await jobEnded(jobId)).status).toBe("succeeded");

    const releaseAll = holdAt("delete-events");
    const reset = await staffCall("/admin/cleanup/delete-all", {
      method: "POST",
      headers: { Prefer: "respond-async" },
    });
    expect(reset.status).toBe(202);
    const resetJob = ((await reset.json()) as { jobId: string }).jobId;
    const blocked = await deleteLock(locks[1]!.lock_id, "mode=DELETE_DO_ONLY");
    expect(blocked.status).toBe(409);
    expect(ConflictBody.parse(await blocked.json()).jobId).toBe(resetJob);
    releaseAll();
    expect((await jobEnded(resetJob)).status).toBe("succeeded");
  });
});
