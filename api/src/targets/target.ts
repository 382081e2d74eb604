import type { AuditAction, EndpointName, JobStep, JobStepName, Plan } from "@cleanup/shared";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import type { JobTarget, StoredJob } from "../jobs/job-types.ts";

export type JobOptions = Record<string, string | boolean>;

/** What a step did: a line for people, its count, and the data later steps and the result read. */
export type StepOutcome = {
  detail: string;
  count?: number;
  data?: Record<string, unknown>;
};

/** A refusal the job found when it ran (the plan changed: 412; the target is gone: 404). */
export type JobRefusal = { httpStatus: number; body: Record<string, unknown> };

/** What a step's code gets: the job, what earlier steps returned, and a way to report progress. */
export type StepContext = {
  env: Env;
  job: StoredJob;
  outputs: Partial<Record<JobStepName, StepOutcome>>;
  /** The step's row before this attempt: a resumed step continues its `done` count from it. */
  previous: JobStep | null;
  /** Records `done` of `total` on the step's row, so readers see it advance. */
  progress: (done: number, total: number) => Promise<void>;
};

/** A deletion request, validated and resolved: what the job will run with. */
export type PreparedDeletion = {
  /** The job's audit action when it is not the endpoint's own (a restore of a hub: `restore-hub`). */
  action?: AuditAction;
  target: JobTarget;
  /** The options the job and its audit records carry. */
  options: Record<string, string | boolean>;
  /** The published fields this target's response adds (`lockId`, `hubId`, `mode`…). */
  fields: Record<string, unknown>;
  plan: Plan;
  /** SQL (numbered from ?13) that must hold for the claim: the target still exists. */
  existsSql?: { sql: string; values: unknown[] };
};

/** How a job ended, for the target to say it in its published shape. */
export type JobEnd = {
  job: StoredJob;
  steps: JobStep[];
  outputs: Partial<Record<JobStepName, StepOutcome>>;
  refusal: JobRefusal | null;
  failure: { step: JobStepName; message: string } | null;
  /** Optional steps that failed: reported in `errors`, the deletion still succeeded. */
  errors: string[];
  /** Seconds from the job's creation to its end. */
  duration: number;
};

/**
 * One kind of deletion target (issue 9 item 9): how to find it and plan it, the steps its job runs,
 * and its published answers. The job flow (`jobs/*`) is the same for all of them; adding a target
 * is one module like this and one row in the endpoint table.
 */
export type DeletionTarget = {
  endpoint: EndpointName;
  /**
   * From the validated params and query: finds the target (404) and checks the caller may delete it
   * (403), both thrown; builds the plan. Runs for dry runs too.
   */
  prepare(
    c: Context<AppEnv>,
    params: Record<string, string>,
    query: Record<string, unknown>,
  ): Promise<PreparedDeletion>;
  /** The steps between `freeze-and-check` and `record-final`, in order, for the job's options. */
  steps(options: JobOptions): JobStepName[];
  /** When the job runs: the target's plan now (same options), or null when it is gone. */
  currentPlan(env: Env, job: StoredJob): Promise<Plan | null>;
  /** Stops writes to the target for the job (aggregates: the DO refuses appends). */
  freeze?(env: Env, job: StoredJob): Promise<void>;
  unfreeze?(env: Env, job: StoredJob): Promise<void>;
  /** Steps whose failure is reported but does not fail the job (a monitoring event). */
  optional?: JobStepName[];
  /** Whether a job that failed after starting this step leaves the target part-deleted. */
  leavesPartial(step: JobStepName, options: JobOptions): boolean;
  run: Partial<Record<JobStepName, (ctx: StepContext) => Promise<StepOutcome>>>;
  /** The published dry-run answer (no job). */
  preview(
    prepared: PreparedDeletion,
    planToken: string,
    requestId: string,
    duration: number,
  ): Record<string, unknown>;
  /** The published answer of the job's end (the final audit record's path and id are added after). */
  result(end: JobEnd): { httpStatus: number; body: Record<string, unknown> };
};
