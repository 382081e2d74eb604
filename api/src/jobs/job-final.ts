import { isLiveJobStatus, type JobResult, type JobStep, type JobStepName } from "@cleanup/shared";
import type { DeletionTarget, JobRefusal, StepContext } from "../targets/target.ts";
import { appendJobRecord, jobAuditDraft } from "./job-audit.ts";
import { findJob, finishJob } from "./job-store.ts";
import type { StoredJob } from "./job-types.ts";
import { stepFaults } from "./step-faults.ts";

export type JobEnding = {
  outputs: StepContext["outputs"];
  refusal: JobRefusal | null;
  failure: { step: JobStepName; message: string } | null;
  /** Optional steps that failed (a monitoring event not published): reported, not a failure. */
  errors: string[];
};

/** Steps that never ran are `skipped`, with why; the final record's own step is done. */
function finalSteps(steps: JobStep[], ending: JobEnding, now: string): JobStep[] {
  const why = ending.failure
    ? `not run: ${ending.failure.step} failed`
    : ending.refusal
      ? "not run: nothing is deleted when the target changed or is gone"
      : "not needed";
  return steps.map((s) => {
    if (s.name === "record-final") {
      return { ...s, status: "done", startedAt: s.startedAt ?? now, endedAt: now, done: 1, total: 1 };
    }
    if (s.name === ending.failure?.step) {
      return { ...s, status: "failed", endedAt: now, detail: ending.failure.message };
    }
    if (s.status === "pending") return { ...s, status: "skipped", detail: why };
    if (s.status === "running") return { ...s, status: "failed", endedAt: now };
    return s;
  });
}

/**
 * `record-final`: ends the job once. Unfreezes the target unless the job failed after a destructive
 * step (then the target stays frozen, part-deleted, until a new deletion finishes it from the
 * archive); writes exactly one final audit record (a re-run finds it); stores the published answer
 * and the status, which releases the claim on the target.
 */
export async function recordFinal(
  env: Env,
  loaded: StoredJob,
  target: DeletionTarget,
  ending: JobEnding,
  attempt = 1,
): Promise<JobResult> {
  const job = (await findJob(env.DB, loaded.jobId)) ?? loaded;
  if (!isLiveJobStatus(job.status) && job.result) {
    // Ended already (a re-run, or an execution abandoned mid-way): only make sure no freeze of this
    // job outlives it, unless it was left part-deleted on purpose.
    if (!job.partial) await target.unfreeze?.(env, job);
    return job.result;
  }
  const now = new Date().toISOString();
  const partial = ending.failure !== null && job.partial;
  if (!partial) await target.unfreeze?.(env, job);

  const steps = finalSteps(job.steps, ending, now);
  const duration = Math.round((Date.parse(now) - Date.parse(job.createdAt)) / 10) / 100;
  const { httpStatus, body } = target.result({ job, steps, ...ending, duration });
  const outcome = ending.failure ? "failure" : ending.refusal ? "refused" : "success";
  const record = await appendJobRecord(env, job, "final", jobAuditDraft(job, outcome, body, httpStatus));
  const result: JobResult = { httpStatus, body: { ...body, auditLogPath: record.path, auditId: record.id } };
  const current = (await findJob(env.DB, job.jobId)) ?? job;
  await finishJob(env.DB, job.jobId, {
    status: outcome === "success" ? "succeeded" : "failed",
    result,
    error:
      ending.failure ??
      (ending.refusal ? { step: "freeze-and-check", message: String(ending.refusal.body.message) } : null),
    auditIds: current.auditIds,
    steps,
    partial,
  });
  await stepFaults.afterWork?.(job.jobId, "record-final", attempt);
  return result;
}
