import { isLiveJobStatus, type Job } from "@cleanup/shared";

/** The quickest and slowest polls of a running job. */
export const POLL_MIN_MS = 500;
export const POLL_MAX_MS = 8_000;
/** A job waiting for a second person changes only when someone acts. */
export const POLL_AWAITING_MS = 15_000;
const POLL_SCHEDULED_MAX_MS = 30_000;

const clamp = (ms: number, min: number, max: number) => Math.min(max, Math.max(min, ms));

/**
 * How long to wait before reading a job again, or `false` once it ended. Every read of a live job
 * costs the api a few engine calls, so a job that moves is read often and one that does not (a
 * long step, a job waiting for its time or a second approver) ever less often: half the time since
 * the console last saw it change, from 0.5 s up to 8 s; a scheduled job shortly before its `runAt`.
 *
 * @example jobPollDelay(job, 12_000, Date.now()) // 6000
 */
export function jobPollDelay(
  job: Pick<Job, "status" | "runAt">,
  sinceChangeMs: number,
  nowMs: number,
): number | false {
  if (!isLiveJobStatus(job.status)) return false;
  if (job.status === "awaiting-approval") return POLL_AWAITING_MS;
  if (job.status === "scheduled") {
    const untilRun = Date.parse(job.runAt) - nowMs;
    return clamp(Number.isNaN(untilRun) ? POLL_MAX_MS : untilRun, 1_000, POLL_SCHEDULED_MAX_MS);
  }
  return clamp(sinceChangeMs / 2, POLL_MIN_MS, POLL_MAX_MS);
}

/**
 * When the console last saw each job change (by its `updatedAt`), on the browser's own clock, so
 * that a skewed server clock cannot make the console poll too fast.
 */
export function createChangeClock(now: () => number = Date.now) {
  const seen = new Map<string, { updatedAt: string; at: number }>();
  return (job: Pick<Job, "jobId" | "updatedAt">): number => {
    const last = seen.get(job.jobId);
    if (!last || last.updatedAt !== job.updatedAt) {
      seen.set(job.jobId, { updatedAt: job.updatedAt, at: now() });
      return 0;
    }
    return now() - last.at;
  };
}
