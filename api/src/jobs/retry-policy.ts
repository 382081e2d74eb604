import type { JobStepName } from "@cleanup/shared";

type StepConfig = {
  retries: {
    limit: number;
    delay: `${number} seconds` | `${number} second`;
    backoff: "constant" | "linear" | "exponential";
  };
  timeout: `${number} minutes`;
};

/**
 * How hard each step is retried before the job gives up on it. Once a destructive step has run the
 * job must not end half-done, so those steps retry for over an hour (1 s doubling, 12 times); the
 * final record retries longest, because until it is written the target stays claimed.
 */
const step = (limit: number, timeout: StepConfig["timeout"]): StepConfig => ({
  retries: { limit, delay: "1 second", backoff: "exponential" },
  timeout,
});
/** Before anything is destroyed: a failure for good leaves the target as it was. */
const BEFORE = 8;
/** Destructive or restoring steps: over an hour of retries, so a job does not end half-done. */
const AFTER = 12;

export const STEP_CONFIG: Record<JobStepName, StepConfig> = {
  "record-started": step(BEFORE, "5 minutes"),
  "freeze-and-check": step(BEFORE, "5 minutes"),
  archive: step(BEFORE, "30 minutes"),
  "verify-archive": step(BEFORE, "30 minutes"),
  "delete-events": step(AFTER, "30 minutes"),
  "delete-do-state": step(AFTER, "30 minutes"),
  "delete-d1-rows": step(AFTER, "10 minutes"),
  "write-events": step(AFTER, "30 minutes"),
  "write-d1-rows": step(AFTER, "10 minutes"),
  "rebuild-do-state": step(AFTER, "30 minutes"),
  "publish-system-event": step(5, "5 minutes"),
  "record-final": { retries: { limit: 30, delay: "5 seconds", backoff: "linear" }, timeout: "5 minutes" },
};
