import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from "cloudflare:workers";
import type { JobStepName } from "@cleanup/shared";
import { targetOf } from "../targets/registry.ts";
import type { JobRefusal, StepContext } from "../targets/target.ts";
import { type JobEnding, recordFinal } from "./job-final.ts";
import { afterApproval, approvalDecided, beginScheduled, type GateOutcome } from "./job-gates.ts";
import { messageOf, runJobStep } from "./job-steps.ts";
import { findJob } from "./job-store.ts";
import { recordRequest } from "./job-waiting.ts";
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
    if (job.params.needsApproval || job.params.schedule) {
      const gate = await this.gates(jobId, job.params.needsApproval === true, json, step);
      if (!gate.go) return { httpStatus: 409, why: gate.why };
    }
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

  /**
   * Issue 2.3: before its steps, a job may wait for a second person (`step.waitForEvent`, the
   * APPROVAL_TTL as its timeout) and then for its `runAt` (`step.sleepUntil`). Our status lives in D1
   * (locally a waiting instance reports `running`): every decision is an UPDATE there, and each gate
   * step reads it, so a cancel, reject or expiry that won the race ends the job here.
   */
  private async gates(
    jobId: string,
    needsApproval: boolean,
    json: <T>(
      name: string,
      config: (typeof STEP_CONFIG)[JobStepName],
      run: (attempt: number) => Promise<T>,
    ) => Promise<T>,
    step: WorkflowStep,
  ): Promise<GateOutcome> {
    const config = STEP_CONFIG["record-started"];
    await json("record-request", config, () => recordRequest(this.env, jobId).then(() => true));
    let gate: GateOutcome | null = null;
    if (needsApproval) {
      const state = await json("approval-state", config, () => approvalDecided(this.env, jobId));
      if (!state.decided && state.expiresAt) {
        const timeout = Math.max(1000, Date.parse(state.expiresAt) - Date.now());
        try {
          await step.waitForEvent("approval", { type: "decision", timeout });
        } catch {
          // Timed out: afterApproval finds the request undecided and expires it.
        }
      }
      gate = await json("after-approval", config, () => afterApproval(this.env, jobId));
      if (!gate.go) return gate;
    }
    const job = await json(
      "load-schedule",
      config,
      async () => (await findJob(this.env.DB, jobId))?.runAt ?? null,
    );
    if (job && Date.parse(job) > Date.now()) await step.sleepUntil("wait-for-run-at", new Date(job));
    return json("begin", config, () => beginScheduled(this.env, jobId));
  }
}
