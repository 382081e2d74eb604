import { findJob, transitionJob } from "./job-store.ts";
import { expireIfDue } from "./job-waiting.ts";

/** What the gates before a job's steps decided: whether it runs, and when. */
export type GateOutcome = { go: boolean; runAt: string; why: string };

/** Whether a job that waits for a second person was decided already (then there is nothing to wait for). */
export async function approvalDecided(
  env: Env,
  jobId: string,
): Promise<{ decided: boolean; expiresAt: string | null }> {
  const job = await findJob(env.DB, jobId);
  return {
    decided: job?.status !== "awaiting-approval",
    expiresAt: job?.approval?.expiresAt ?? null,
  };
}

/**
 * After the approval wait (an approval's event, or its APPROVAL_TTL timeout): approved jobs go on to
 * their waiting period or their steps; one still undecided has expired (ended, audited); one that was
 * rejected or cancelled meanwhile ends here (its final record was written by that act).
 */
export async function afterApproval(env: Env, jobId: string): Promise<GateOutcome> {
  const job = await findJob(env.DB, jobId);
  if (!job) throw new Error(`Job ${jobId} has no row`);
  if (job.status === "awaiting-approval") {
    // The wait's timeout is the TTL: the request expired, even if a clock says a few ms are left.
    await expireIfDue(env, job, {
      now: Math.max(Date.now(), Date.parse(job.approval?.expiresAt ?? "")),
      stop: false,
    });
    return { go: false, runAt: job.runAt, why: "the approval request expired" };
  }
  const go = job.status === "scheduled" || job.status === "queued" || job.status === "running";
  return {
    go,
    runAt: job.runAt,
    why: go ? `approved by ${job.approval?.decidedBy}` : `the job was ${job.status}`,
  };
}

/**
 * At `runAt`: the scheduled job starts, unless it was cancelled first. One UPDATE, so of a cancel and
 * the start exactly one wins.
 */
export async function beginScheduled(env: Env, jobId: string): Promise<GateOutcome> {
  const job = await findJob(env.DB, jobId);
  if (!job) throw new Error(`Job ${jobId} has no row`);
  if (job.status === "scheduled") await transitionJob(env.DB, jobId, ["scheduled"], "queued");
  const now = await findJob(env.DB, jobId);
  const go = now?.status === "queued" || now?.status === "running";
  return { go, runAt: job.runAt, why: go ? "its waiting period ended" : `the job was ${now?.status}` };
}
