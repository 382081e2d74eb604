import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from "cloudflare:workers";
import type { JobStepName } from "@cleanup/shared";
import { targetOf } from "../targets/registry.ts";
import type { JobRefusal, StepContext } from "../targets/target.ts";
import { type JobEnding, recordFinal } from "./job-final.ts";
import { messageOf, runJobStep } from "./job-steps.ts";
import { findJob } from "./job-store.ts";
import { STEP_CONFIG } from "./retry-policy.ts";

export type DeletionJobParams = { jobId: string };

/**
 * Every deletion's durable execution (binding `DELETION_JOBS`; the instance id is the job id).
 * Each step is a Workflow step: its result is kept by the engine, so a job resumed after the Worker
 * died skips what finished and runs the step it was in again (every step is idempotent). The job's
 * row in D1 is loaded in a step of its own, so a replay sees the job as it was created.
 */
export class DeletionJob extends WorkflowEntrypoint<Env, DeletionJobParams> {
  override async run(event: Readonly<WorkflowEvent<DeletionJobParams>>, step: WorkflowStep) {
    const { jobId } = event.payload;
    // Step results cross the engine as JSON text: what the steps hand on is plain data.
    const json = async <T>(
      name: string,
      config: (typeof STEP_CONFIG)[JobStepName],
      run: (attempt: number) => Promise<T>,
    ) =>
      JSON.parse(
        await step.do(name, config, async (ctx) => JSON.stringify(await run(ctx?.attempt ?? 1))),
      ) as T;
    const job = await json("load-job", STEP_CONFIG["record-started"], async () => {
      const found = await findJob(this.env.DB, jobId);
      if (!found) throw new Error(`Job ${jobId} has no row`);
      return found;
    });
    const target = targetOf(job.params.endpoint);
    const names: JobStepName[] = ["record-started", "freeze-and-check", ...target.steps(job.params.options)];
    const outputs: StepContext["outputs"] = {};
    const errors: string[] = [];
    let refusal: JobRefusal | null = null;
    let failure: JobEnding["failure"] = null;

    for (const name of names) {
      try {
        const outcome = await json(name, STEP_CONFIG[name], (attempt) =>
          runJobStep(this.env, job, target, name, outputs, attempt),
        );
        outputs[name] = outcome;
        const found = outcome.data?.refusal as JobRefusal | undefined;
        if (found) {
          refusal = found;
          break;
        }
      } catch (err) {
        if (target.optional?.includes(name)) {
          errors.push(`${name}: ${messageOf(err)}`);
          outputs[name] = { detail: `failed: ${messageOf(err)}`, data: { failed: true } };
          continue;
        }
        failure = { step: name, message: messageOf(err) };
        break;
      }
    }
    const result = await json("record-final", STEP_CONFIG["record-final"], (attempt) =>
      recordFinal(this.env, job, target, { outputs, refusal, failure, errors }, attempt),
    );
    return { httpStatus: result.httpStatus };
  }
}
