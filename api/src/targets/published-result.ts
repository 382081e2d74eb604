import type { DeletionStep, DeletionSummary, JobStep, JobStepName, Plan } from "@cleanup/shared";
import { internalErrorBody } from "../http/errors.ts";
import type { JobEnd, StepOutcome } from "./target.ts";

/** Steps a response lists: everything but the final record, which the response itself is. */
const listed = (steps: JobStep[]) => steps.filter((s) => s.name !== "record-final");

const ms = (s: JobStep) =>
  s.startedAt && s.endedAt ? Math.max(0, Date.parse(s.endedAt) - Date.parse(s.startedAt)) : undefined;

/** Ours (`steps`): each step structured, with its count and how long it took. */
export function deletionSteps(end: Pick<JobEnd, "steps" | "outputs">): DeletionStep[] {
  return listed(end.steps).map((s) => {
    const outcome: StepOutcome | undefined = end.outputs[s.name];
    const status = s.status === "done" ? "done" : s.status === "failed" ? "failed" : "skipped";
    return {
      name: s.name,
      status,
      detail: outcome?.detail ?? s.detail ?? "",
      ...(outcome?.count !== undefined ? { count: outcome.count } : {}),
      ...(ms(s) !== undefined ? { durationMs: ms(s) } : {}),
    };
  });
}

/** The published `operations`: one human-readable line per step. */
export function operationLines(steps: DeletionStep[]): string[] {
  return steps.map((s) => {
    if (s.status === "done") return `${s.name}: ${s.detail}`;
    if (s.status === "failed") return `${s.name}: FAILED: ${s.detail}`;
    return `${s.name}: skipped (${s.detail})`;
  });
}

/** A dry run's steps: what the job would do, none of it done. */
export function plannedSteps(lines: [JobStepName, string, number?][]): DeletionStep[] {
  return lines.map(([name, detail, count]) => ({
    name,
    status: "skipped",
    detail: `dry run: would ${detail}`,
    ...(count !== undefined ? { count } : {}),
  }));
}

export const emptySummary = (): DeletionSummary => ({
  eventsDeleted: 0,
  eventsArchived: 0,
  bytesDeleted: 0,
  d1RowsDeleted: {},
  doInstancesDeleted: 0,
  archivePath: null,
  archiveSha256: null,
  objectsDeleted: 0,
});

/**
 * What every dry run adds to its published fields: no job, no audit record, the plan and its token,
 * the steps the job would run (all skipped).
 */
export function dryRunFields(plan: Plan, planToken: string, requestId: string, steps: DeletionStep[]) {
  return {
    errors: [],
    auditLogPath: "",
    steps,
    jobId: null,
    dryRun: true,
    plan,
    planToken,
    auditId: null,
    requestId,
  };
}

/** The published dry-run fields of endpoints 1-3: the lines, one sentence, how long the planning took. */
export function cleanupDryRun(
  prepared: { plan: Plan; fields: Record<string, unknown> },
  planToken: string,
  requestId: string,
  duration: number,
  steps: DeletionStep[],
  would: string,
) {
  return {
    success: true,
    operations: operationLines(steps),
    deletionSummary: `Dry run: nothing was deleted. ${would}`,
    duration,
    ...prepared.fields,
    summary: emptySummary(),
    ...dryRunFields(prepared.plan, planToken, requestId, steps),
  };
}

/** Whether a step of the job finished (so its planned counts were deleted). */
export const ran = (end: Pick<JobEnd, "steps">, name: JobStepName) =>
  end.steps.some((s) => s.name === name && s.status === "done");

/** The errors a job's answer lists: the failed step, a refusal, optional steps that failed. */
export function endErrors(end: JobEnd): string[] {
  const errors = [...end.errors];
  if (end.failure) errors.unshift(`${end.failure.step}: ${end.failure.message}`);
  if (end.refusal) errors.unshift(String(end.refusal.body.message));
  return errors;
}

/**
 * The answer of a job's end: the published fields and ours beside them (200); a refusal found when
 * the job ran (412, 404) in its published error shape with the job beside it; a failure, the
 * published 500 with the steps that did run.
 */
export function jobAnswer(
  end: JobEnd,
  published: Record<string, unknown> & { errors: string[] },
): { httpStatus: number; body: Record<string, unknown> } {
  const { job } = end;
  const body = {
    ...published,
    auditLogPath: "",
    jobId: job.jobId,
    dryRun: false,
    plan: job.params.plan,
    planToken: job.params.planToken,
    auditId: null,
    requestId: job.params.requestId,
    ...(job.params.clientRequestId ? { clientRequestId: job.params.clientRequestId } : {}),
  };
  if (end.refusal) return { httpStatus: end.refusal.httpStatus, body: { ...end.refusal.body, ...body } };
  if (end.failure) {
    const message = `The deletion did not complete: ${published.errors[0]}`;
    return { httpStatus: 500, body: { ...body, ...internalErrorBody(job.params.requestId, message) } };
  }
  return { httpStatus: 200, body };
}

/** The answer of endpoints 1-3: `operations`, `deletionSummary` and the target's fields as published. */
export function cleanupResult(
  end: JobEnd,
  specific: { fields: Record<string, unknown>; summary: DeletionSummary; sentence: string },
): { httpStatus: number; body: Record<string, unknown> } {
  const steps = deletionSteps(end);
  return jobAnswer(end, {
    success: end.failure === null && end.refusal === null,
    operations: operationLines(steps),
    deletionSummary: specific.sentence,
    duration: end.duration,
    errors: endErrors(end),
    ...specific.fields,
    steps,
    summary: specific.summary,
  });
}

/** `9f2c1a0b…` for a long hash in a sentence. */
export const short = (hash: string) => `${hash.slice(0, 8)}…`;
