import type { JobStep, JobStepName } from "@cleanup/shared";
import type { DeletionTarget, StepContext, StepOutcome } from "../targets/target.ts";
import { paceDevStep } from "./dev-pace.ts";
import { checkPlan } from "./job-check.ts";
import { recordStarted } from "./job-started.ts";
import { findJob, updateStep } from "./job-store.ts";
import type { StoredJob } from "./job-types.ts";
import { stepFaults } from "./step-faults.ts";

export const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The steps every job runs around its target's own: the intent first, then freeze and check. */
const COMMON: Partial<
  Record<JobStepName, (ctx: StepContext, target: DeletionTarget) => Promise<StepOutcome>>
> = {
  "record-started": (ctx) => recordStarted(ctx),
  "freeze-and-check": (ctx, target) => checkPlan(ctx, target),
};

/**
 * Runs one step of a job inside its Workflow step: marks it running (and the job part-deleted
 * before a destructive step starts), runs it, and records what it did. A failed attempt is
 * recorded and rethrown, so the engine retries it; every step is idempotent, so an attempt that
 * died after its side effect is simply done again.
 */
export async function runJobStep(
  env: Env,
  job: StoredJob,
  target: DeletionTarget,
  name: JobStepName,
  outputs: StepContext["outputs"],
  attempt: number,
): Promise<StepOutcome> {
  const run = COMMON[name] ?? target.run[name];
  if (!run) throw new Error(`${job.action} has no step ${name}`);
  const db = env.DB;
  await stepFaults.beforeWork?.(job.jobId, name, attempt);
  const previous = (await findJob(db, job.jobId))?.steps.find((s) => s.name === name);
  const startedAt = previous?.startedAt ?? new Date().toISOString();
  await updateStep(
    db,
    job.jobId,
    name,
    { status: "running", startedAt, endedAt: null, detail: attempt > 1 ? `attempt ${attempt}` : null },
    { status: "running", ...(target.leavesPartial(name, job.params.options) ? { partial: true } : {}) },
  );
  await paceDevStep(db, job.params.environment);
  const ctx: StepContext = {
    env,
    job,
    outputs,
    previous: previous ?? null,
    progress: (done, total) => updateStep(db, job.jobId, name, { done, total }),
  };
  try {
    const outcome = await run(ctx, target);
    const count = outcome.count ?? null;
    const patch: Partial<JobStep> = {
      status: "done",
      endedAt: new Date().toISOString(),
      detail: outcome.detail,
    };
    if (count !== null) Object.assign(patch, { done: count, total: count });
    else Object.assign(patch, { done: 1, total: 1 });
    await updateStep(db, job.jobId, name, patch);
    await stepFaults.afterWork?.(job.jobId, name, attempt);
    return outcome;
  } catch (err) {
    await updateStep(db, job.jobId, name, {
      status: "failed",
      detail: `attempt ${attempt}: ${messageOf(err)}`,
    }).catch(() => undefined);
    throw err;
  }
}
