import { planChanges, planTokenOf } from "../domain/plan-token.ts";
import type { DeletionTarget, StepContext, StepOutcome } from "../targets/target.ts";
import { findJob } from "./job-store.ts";

/**
 * `freeze-and-check`: stops writes to the target, then compares its plan now with the one the job
 * was created with. A changed target fails the job as a 412 would, listing what changed; a target
 * that is gone, as a 404. Once a destructive step has run (a resumed or restarted job) the plan no
 * longer matches by design, and the job must finish: then only the freeze is renewed.
 */
export async function checkPlan(ctx: StepContext, target: DeletionTarget): Promise<StepOutcome> {
  const { env, job } = ctx;
  const label =
    job.target.type === "environment" ? job.target.label : `${job.target.type} ${job.target.label}`;
  // An execution the engine abandoned (a pause, a step timeout) may reach this after its job ended
  // elsewhere: it must not freeze the target again, with no job left to unfreeze it.
  const ended = { detail: `${label}: the job already ended; nothing frozen` };
  if ((await findJob(env.DB, job.jobId))?.endedAt) return ended;
  await target.freeze?.(env, job);
  const now = await findJob(env.DB, job.jobId);
  if (now?.endedAt) {
    await target.unfreeze?.(env, job);
    return ended;
  }
  if (now?.partial) {
    return { detail: `${label} frozen again; a destructive step already ran, so the job finishes` };
  }
  const current = await target.currentPlan(env, job);
  if (!current) {
    return {
      detail: `${label} no longer exists`,
      data: {
        refusal: {
          httpStatus: 404,
          body: { error: "Not Found", message: `No ${job.target.type} ${job.target.id}`, code: 404 },
        },
      },
    };
  }
  const token = await planTokenOf(current);
  if (token !== job.params.planToken) {
    const changes = planChanges(job.params.plan, current);
    const what = changes.map((ch) => ch.field).join(", ");
    return {
      detail: `${label} changed since the request (${what}); nothing was deleted`,
      data: {
        refusal: {
          httpStatus: 412,
          body: {
            error: "Precondition Failed",
            message: `The target changed since the plan was made (${what}); preview again before deleting`,
            code: 412,
            currentPlanToken: token,
            changes,
          },
        },
      },
    };
  }
  const frozen = target.freeze ? `${label} frozen; ` : "";
  return { detail: `${frozen}the plan is unchanged since the request (token ${token.slice(0, 8)}…)` };
}
