import type { JobStepName } from "@cleanup/shared";

/**
 * The tests' way to crash a job at a step boundary: called after a step did its work (and recorded
 * its progress) but before the Workflow engine has its result, which is where a Worker that dies
 * leaves a step — done once, not recorded, run again on resume. Nothing sets it outside tests.
 *
 * @example
 * stepFaults.afterWork = (jobId, step, attempt) => { if (step === "delete-events" && attempt === 1) throw new Error("crash"); };
 */
export const stepFaults: {
  afterWork: ((jobId: string, step: JobStepName, attempt: number) => void) | null;
} = { afterWork: null };
