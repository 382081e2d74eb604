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
export const STEP_CONFIG: Record<JobStepName, StepConfig> = {
  "record-started": {
    retries: { limit: 8, delay: "1 second", backoff: "exponential" },
    timeout: "5 minutes",
  },
  "freeze-and-check": {
    retries: { limit: 8, delay: "1 second", backoff: "exponential" },
    timeout: "5 minutes",
  },
  archive: { retries: { limit: 8, delay: "1 second", backoff: "exponential" }, timeout: "30 minutes" },
  "delete-events": {
    retries: { limit: 12, delay: "1 second", backoff: "exponential" },
    timeout: "30 minutes",
  },
  "delete-do-state": {
    retries: { limit: 12, delay: "1 second", backoff: "exponential" },
    timeout: "30 minutes",
  },
  "delete-d1-rows": {
    retries: { limit: 12, delay: "1 second", backoff: "exponential" },
    timeout: "10 minutes",
  },
  "publish-system-event": {
    retries: { limit: 5, delay: "1 second", backoff: "exponential" },
    timeout: "5 minutes",
  },
  "verify-archive": {
    retries: { limit: 8, delay: "1 second", backoff: "exponential" },
    timeout: "30 minutes",
  },
  "write-events": {
    retries: { limit: 12, delay: "1 second", backoff: "exponential" },
    timeout: "30 minutes",
  },
  "write-d1-rows": {
    retries: { limit: 12, delay: "1 second", backoff: "exponential" },
    timeout: "10 minutes",
  },
  "rebuild-do-state": {
    retries: { limit: 12, delay: "1 second", backoff: "exponential" },
    timeout: "30 minutes",
  },
  "record-final": { retries: { limit: 30, delay: "5 seconds", backoff: "linear" }, timeout: "5 minutes" },
};
