import type { JobStepName } from "@cleanup/shared";

type Hook = (jobId: string, step: JobStepName, attempt: number) => void | Promise<void>;

/**
 * The tests' way to crash a job at a step boundary, or hold it there. `afterWork` is called after a
 * step did its work (and recorded its progress) but before the Workflow engine has its result —
 * where a Worker that dies leaves a step: done once, not recorded, run again on resume. `beforeWork`
 * is called before a step starts (a test holds a job live with it). Nothing sets them outside tests.
 *
 * @example
 * stepFaults.afterWork = (jobId, step, attempt) => { if (step === "delete-events" && attempt === 1) throw new Error("crash"); };
 */
export const stepFaults: { beforeWork: Hook | null; afterWork: Hook | null } = {
  beforeWork: null,
  afterWork: null,
};
