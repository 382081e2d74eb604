import { messageOf } from "./job-steps.ts";

/**
 * Starts the job's Workflow instance, or makes sure it runs: "already exists" is fine, and an
 * instance the engine gave up on (errored, terminated) while our row is still live is restarted —
 * every step is idempotent. Called right after the claim and on every later touch of a live job
 * (a retry, `GET /admin/jobs/{id}`, a 409), so a job whose api died before `create` is never wedged.
 */
export async function ensureJobStarted(env: Env, jobId: string): Promise<void> {
  try {
    await env.DELETION_JOBS.create({ id: jobId, params: { jobId } });
    return;
  } catch (err) {
    if (!/already.?exists/i.test(messageOf(err))) throw err;
  }
  const instance = await env.DELETION_JOBS.get(jobId);
  const { status } = await instance.status();
  if (status === "errored" || status === "terminated") await instance.restart();
}
