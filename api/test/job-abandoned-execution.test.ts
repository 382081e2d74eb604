import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { recordFinal } from "../src/jobs/job-final.ts";
import { runJobStep } from "../src/jobs/job-steps.ts";
import { findJob, updateStep } from "../src/jobs/job-store.ts";
import { aggregateStub } from "../src/storage/aggregates-registry.ts";
import { targetOf } from "../src/targets/registry.ts";
import { deleteLock, seedLocksBeforeAll } from "./helpers.ts";
import { jobEnded } from "./job-helpers.ts";

// An execution the engine abandoned mid-step (the local engine's pause, a step timeout) runs on
// after its job ended through another execution: it must neither revive the job nor freeze the
// target again with nobody left to unfreeze it (found by the bench's crash run: a job killed right
// after its claim, then paused and resumed on restart, ended "running" with its lock frozen).
const locks = seedLocksBeforeAll();

async function endedDeletion(mode: string) {
  const lock = locks.filter((l) => l.event_count > 0).pop()!;
  locks.splice(locks.indexOf(lock), 1);
  const res = await deleteLock(lock.lock_id, `mode=${mode}`, { Prefer: "respond-async" });
  const { jobId } = (await res.json()) as { jobId: string };
  expect((await jobEnded(jobId)).status).toBe("succeeded");
  return { lock, job: (await findJob(env.DB, jobId))! };
}

describe("an execution of a job that ended elsewhere", () => {
  it("cannot turn the ended job back into a running one, nor change its steps", async () => {
    const { job } = await endedDeletion("DELETE_DO_ONLY");
    await updateStep(
      env.DB,
      job.jobId,
      "record-started",
      { status: "running" },
      { status: "running", partial: true },
    );
    const after = (await findJob(env.DB, job.jobId))!;
    expect(after).toMatchObject({ status: "succeeded", partial: false, steps: job.steps });
  });

  it("does not freeze the target again in freeze-and-check", async () => {
    const { lock, job } = await endedDeletion("DELETE_DO_ONLY");
    const outcome = await runJobStep(env, job, targetOf(job.params.endpoint), "freeze-and-check", {}, 2);
    expect(outcome.detail).toMatch(/already ended; nothing frozen/);
    expect(await aggregateStub(env, "lock", lock.uuid).frozenBy()).toBeNull();
    expect((await findJob(env.DB, job.jobId))!.status).toBe("succeeded");
  });

  it("leaves no freeze of its own behind when its record-final runs again", async () => {
    const { lock, job } = await endedDeletion("DELETE_DO_ONLY");
    const stub = aggregateStub(env, "lock", lock.uuid);
    await stub.freeze(lock.uuid, job.jobId); // as a late freeze of the abandoned execution would
    const result = await recordFinal(env, job, targetOf(job.params.endpoint), {
      outputs: {},
      refusal: null,
      failure: null,
      errors: [],
    });
    expect(result.httpStatus).toBe(200);
    expect(await stub.frozenBy()).toBeNull();
    // Another job's freeze is not this job's to end.
    await stub.freeze(lock.uuid, "another-job");
    await recordFinal(env, job, targetOf(job.params.endpoint), {
      outputs: {},
      refusal: null,
      failure: null,
      errors: [],
    });
    expect(await stub.frozenBy()).toBe("another-job");
    await stub.unfreeze(lock.uuid, "another-job");
  });
});
