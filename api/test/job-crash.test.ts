import { introspectWorkflow } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { HubDeletionResponse, type JobStepName, LockDeletionResponse } from "@cleanup/shared";
import { afterEach, describe, expect, it } from "vitest";
import { stepFaults } from "../src/jobs/step-faults.ts";
import { deleteLock, json, seedLocksBeforeAll, staffCall } from "./helpers.ts";
import { archivesOf, auditOfJob, crashOnceAfter, jobOf, leftOf } from "./job-helpers.ts";

// A crash at every step boundary of a full lock deletion: the step did its work once, then the
// Worker "died" before the engine recorded it (the step throws after its side effect), so the
// resumed job runs that step again. Nothing may be done twice or left half-deleted.
const locks = seedLocksBeforeAll();

const STEPS: JobStepName[] = [
  "record-started",
  "freeze-and-check",
  "archive",
  "delete-events",
  "delete-do-state",
  "delete-d1-rows",
  "record-final",
];

afterEach(() => {
  stepFaults.afterWork = null;
});

describe("a lock deletion that crashes after a step did its work", () => {
  it.each(STEPS.map((step, i) => [step, i] as const))(
    "after %s resumes, runs it again harmlessly and finishes: one archive, two audit records, nothing left",
    async (step, i) => {
      const lock = locks.filter((l) => l.event_count > 0)[i]!;
      await staffCall(`/admin/locks/${lock.lock_id}`); // the DO holds a snapshot to delete
      await using crash = await crashOnceAfter(step);

      const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS", { "X-Audit-Reason": "SUP-9" });
      expect(res.status).toBe(200);
      const body = LockDeletionResponse.parse(await res.json());
      expect(crash.crashed).toEqual([step]);
      expect(body.success).toBe(true);
      expect(body.steps.every((s) => s.status === "done")).toBe(true);
      expect(body.summary).toMatchObject({
        eventsArchived: lock.event_count,
        eventsDeleted: lock.event_count,
        doInstancesDeleted: 1,
        d1RowsDeleted: { locks: 1, key_assignments: lock.key_assignments, aggregates: 1 },
      });

      // Nothing left half-deleted.
      const left = await leftOf("lock", lock.uuid, lock.lock_id);
      expect(left.events).toBe(0);
      expect(left.doKeys).toEqual([]);
      expect(left.rows).toEqual({ aggregates: 0, hubs: 0, locks: 0, keyAssignments: 0, tempKeys: 0 });
      // Exactly one archive, listed, verified, holding every event.
      expect(left.archiveObjects).toEqual([body.summary.archivePath]);
      const archives = await archivesOf("lock", String(lock.lock_id));
      expect(archives).toHaveLength(1);
      expect(archives[0]).toMatchObject({
        jobId: body.jobId,
        status: "verified",
        events: lock.event_count,
        sha256: body.summary.archiveSha256,
        path: body.summary.archivePath,
      });
      // One started and exactly one final record.
      expect((await auditOfJob(body.jobId!)).map((r) => r.outcome)).toEqual(["started", "success"]);
      const job = await jobOf(body.jobId!);
      expect(job).toMatchObject({
        status: "succeeded",
        partial: false,
        auditIds: [expect.any(String), body.auditId],
      });
      expect(job.progress).toEqual({ done: 7, total: 7 });
    },
  );
});

describe("a hub deletion whose steps fail before doing anything (the engine's own retry)", () => {
  it("retries each failed step and finishes with one archive and one success record", async () => {
    const { results } = await env.DB.prepare(
      "SELECT h.id, a.event_count FROM hubs h JOIN aggregates a ON a.kind = 'hub' AND a.id = h.id ORDER BY h.id",
    ).all<{ id: string; event_count: number }>();
    const hub = results[0]!;
    await using jobs = await introspectWorkflow(env.DELETION_JOBS);
    await jobs.modifyAll(async (m) => {
      await m.disableRetryDelays();
      for (const name of ["archive", "delete-events", "delete-d1-rows"]) {
        await m.mockStepError({ name }, new Error(`${name} failed`), 2);
      }
    });
    const res = await staffCall(`/admin/cleanup/hubs/${hub.id}?mode=DELETE_DO_AND_EVENTS`, {
      method: "DELETE",
    });
    expect(res.status).toBe(200);
    const body = HubDeletionResponse.parse(await json(res));
    expect(body.summary).toMatchObject({ eventsArchived: hub.event_count, eventsDeleted: hub.event_count });
    const left = await leftOf("hub", hub.id);
    expect(left).toMatchObject({ events: 0, doKeys: [], archiveObjects: [body.summary.archivePath] });
    expect(left.rows).toMatchObject({ hubs: 0, aggregates: 0 });
    expect((await auditOfJob(body.jobId!)).map((r) => r.outcome)).toEqual(["started", "success"]);
  });
});

describe("D1-only jobs that crash after their transaction or their system event", () => {
  it("endpoint 5 reports the keys it deleted (not the 0 a re-run finds) and publishes one system event", async () => {
    const before = await env.DB.prepare(
      `SELECT (SELECT COUNT(*) FROM org_keys WHERE org_id = 'acme') AS keys,
              (SELECT COUNT(*) FROM node_keys WHERE key_id IN (SELECT id FROM org_keys WHERE org_id = 'acme')) AS links`,
    ).first<{ keys: number; links: number }>();
    expect(before!.keys).toBeGreaterThan(0);
    await using jobs = await introspectWorkflow(env.DELETION_JOBS);
    await jobs.modifyAll(async (m) => {
      await m.disableRetryDelays();
    });
    const crashed: string[] = [];
    stepFaults.afterWork = (_jobId, name, attempt) => {
      if ((name === "delete-d1-rows" || name === "publish-system-event") && attempt === 1) {
        crashed.push(name);
        throw new Error(`worker died after ${name}`);
      }
    };
    const res = await staffCall("/organization/acme/key", { method: "DELETE" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { message: string; jobId: string; summary: Record<string, number> };
    expect(crashed).toEqual(["delete-d1-rows", "publish-system-event"]);
    expect(body.message).toBe(`Successfully deleted ${before!.keys} organization key(s)`);
    expect(body.summary).toEqual({ orgKeysDeleted: before!.keys, nodeKeysDeleted: before!.links });
    const eventId = `${body.jobId}:organization-keys-deleted`;
    const { waitForSystemEvent } = await import("./helpers.ts");
    await waitForSystemEvent((e) => e.id === eventId);
    const recorded = await env.DB.prepare("SELECT COUNT(*) AS n FROM system_events WHERE data LIKE ?1")
      .bind(`%${body.jobId}%`)
      .first<{ n: number }>();
    expect(recorded!.n).toBe(1);
    expect((await auditOfJob(body.jobId)).map((r) => r.outcome)).toEqual(["started", "success"]);
  });

  it("endpoint 4 reports the environments and JWKs the plan said, after a crash past its transaction", async () => {
    const key = await env.DB.prepare(
      `SELECT k.project_name, k.name,
         (SELECT COUNT(*) FROM deployments d WHERE d.project_name = k.project_name AND d.key_name = k.name) AS deployments,
         (SELECT COUNT(*) FROM jwks j WHERE j.project_name = k.project_name AND j.source_key_name = k.name) AS jwks
       FROM project_keys k ORDER BY deployments DESC, jwks DESC LIMIT 1`,
    ).first<{ project_name: string; name: string; deployments: number; jwks: number }>();
    await using jobs = await introspectWorkflow(env.DELETION_JOBS);
    await jobs.modifyAll(async (m) => {
      await m.disableRetryDelays();
    });
    stepFaults.afterWork = (_jobId, name, attempt) => {
      if (name === "delete-d1-rows" && attempt === 1) throw new Error("worker died after the transaction");
    };
    const res = await staffCall(`/apiops/projects/${key!.project_name}/keys/${key!.name}/`, {
      method: "DELETE",
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      deploymentResult: { environmentResults: unknown[] };
      jwkResult: { count: number };
      jobId: string;
    };
    expect(body.deploymentResult.environmentResults).toHaveLength(key!.deployments);
    expect(body.jwkResult.count).toBe(key!.jwks);
    expect((await auditOfJob(body.jobId)).map((r) => r.outcome)).toEqual(["started", "success"]);
  });
});
