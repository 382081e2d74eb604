import { introspectWorkflow, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { ArchiveListResponse, AuditListResponse, Job, type JobStepName } from "@cleanup/shared";
import { stepFaults } from "../src/jobs/step-faults.ts";
import { aggregateStub } from "../src/storage/aggregates-registry.ts";
import { json, staffCall } from "./helpers.ts";

/** A job as `GET /admin/jobs/{jobId}` shows it. */
export async function jobOf(jobId: string): Promise<Job> {
  const res = await staffCall(`/admin/jobs/${jobId}`);
  if (res.status !== 200) throw new Error(`job ${jobId}: ${res.status} ${await res.text()}`);
  return Job.parse(await res.json());
}

/** Polls the job until it ended (or `ms` passed). */
export async function jobEnded(jobId: string, ms = 20_000): Promise<Job> {
  const deadline = Date.now() + ms;
  for (;;) {
    const job = await jobOf(jobId);
    if (["succeeded", "failed", "cancelled"].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The audit records of one job, oldest first. */
export async function auditOfJob(jobId: string) {
  const res = await staffCall(`/admin/audit?jobId=${jobId}&limit=50`);
  return AuditListResponse.parse(await json(res)).items.reverse();
}

/** The archives listed for a target. */
export async function archivesOf(targetType: "lock" | "hub", targetId: string) {
  const res = await staffCall(`/admin/archives?targetType=${targetType}&targetId=${targetId}`);
  return ArchiveListResponse.parse(await json(res)).items;
}

/** What is left of an aggregate anywhere: R2 events, archive objects, DO keys, and its D1 rows. */
export async function leftOf(kind: "lock" | "hub", uuid: string, lockId?: number) {
  const events = (await env.EVENTS.list({ prefix: `events/${kind}/${uuid}/` })).objects.length;
  const archiveObjects = (await env.EVENTS.list({ prefix: `archives/${kind}/${uuid}/` })).objects.map(
    (o) => o.key,
  );
  const doKeys = await runInDurableObject(aggregateStub(env, kind, uuid), async (_i, state) => [
    ...(await state.storage.list()).keys(),
  ]);
  const rows = await env.DB.prepare(
    `SELECT (SELECT COUNT(*) FROM aggregates WHERE kind = ?1 AND id = ?2) AS aggregates,
            (SELECT COUNT(*) FROM hubs WHERE id = ?2) AS hubs,
            (SELECT COUNT(*) FROM locks WHERE uuid = ?2) AS locks,
            (SELECT COUNT(*) FROM key_assignments WHERE lock_id = ?3) AS keyAssignments,
            (SELECT COUNT(*) FROM temp_keys WHERE lock_id = ?3) AS tempKeys`,
  )
    .bind(kind, uuid, lockId ?? -1)
    .first<Record<string, number>>();
  return { events, archiveObjects, doKeys, rows: rows! };
}

/**
 * Holds every job at `step` (before it starts) until the returned release is called: a test's way
 * to keep a job live.
 */
export function holdAt(step: string): () => void {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  stepFaults.beforeWork = (_jobId, name) => (name === step ? held : undefined);
  return () => {
    stepFaults.beforeWork = null;
    release();
  };
}

/**
 * A Worker that dies once after `step` did its work, before the engine recorded it: the step's
 * first attempt throws after its side effect, and the engine's retry (without its delay) runs it
 * again. `crashed` lists the steps that threw; disposing it ends the fault and the introspection.
 *
 * @example
 * await using crash = await crashOnceAfter("delete-events");
 * // … run a deletion …
 * expect(crash.crashed).toEqual(["delete-events"]);
 */
export async function crashOnceAfter(step: JobStepName) {
  const jobs = await introspectWorkflow(env.DELETION_JOBS);
  await jobs.modifyAll(async (m) => {
    await m.disableRetryDelays();
  });
  const crashed: string[] = [];
  stepFaults.afterWork = (_jobId, name, attempt) => {
    if (name === step && attempt === 1) {
      crashed.push(name);
      throw new Error(`worker died after ${name}`);
    }
  };
  return {
    crashed,
    async [Symbol.asyncDispose]() {
      stepFaults.afterWork = null;
      await jobs[Symbol.asyncDispose]();
    },
  };
}
