import { LIVE_JOB_STATUSES } from "@cleanup/shared";
import { ensureJobStarted } from "./job-start.ts";
import { messageOf } from "./job-steps.ts";

let swept = false;
/** How long the engine is given to pick up, after a restart, the instances it does run by itself. */
const ENGINE_GRACE_MS = 2_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `status IN (…live…)`: fixed SQL, no input. */
const LIVE_SQL = `(${LIVE_JOB_STATUSES.map((s) => `'${s}'`).join(", ")})`;

/**
 * Wakes the live jobs a dead process left behind. On Cloudflare the Workflows engine resumes an
 * instance whose Worker died by itself; the local engine of `wrangler dev` does not: after a restart
 * an instance that was mid-step still says `running` and nothing runs it. So the first request a
 * fresh isolate serves in dev (where one process runs everything, and nothing can be running yet)
 * pauses and resumes each live job's instance — the engine then replays its finished steps from
 * their stored results and runs the interrupted one again (every step is idempotent) — and starts
 * one that was never created. An instance the engine does run after the restart (one created just
 * before the process died is) is left alone: pausing it would abort its step while that step's code
 * runs on, a second execution beside the resumed one. It is told apart by its row, which it touches
 * at every step: only jobs whose row nobody touched since this isolate started are resumed, after
 * the engine had a moment to pick up what it runs.
 */
export async function resumeStrandedJobs(env: Env): Promise<void> {
  if (swept) return;
  swept = true;
  // The isolate's first request: a job the engine runs here touches its row after this. (Taken
  // here, not at module load, where a Worker's clock still reads 1970.)
  const isolateStartedAt = new Date().toISOString();
  await pause(ENGINE_GRACE_MS);
  const { results } = await env.DB.prepare(
    `SELECT job_id FROM jobs WHERE status IN ${LIVE_SQL} AND updated_at < ?1 ORDER BY seq`,
  )
    .bind(isolateStartedAt)
    .all<{ job_id: string }>();
  for (const { job_id: jobId } of results) {
    console.log(JSON.stringify({ jobResuming: { jobId } }));
    try {
      await ensureJobStarted(env, jobId);
      const instance = await env.DELETION_JOBS.get(jobId);
      const { status } = await instance.status();
      if (status === "queued") {
        await instance.restart();
      } else if (status === "running" || status === "waiting" || status === "paused") {
        if (status !== "paused") await instance.pause();
        for (let i = 0; i < 100 && (await instance.status()).status !== "paused"; i++) await pause(50);
        await instance.resume();
      }
      console.log(JSON.stringify({ jobResumed: { jobId, engineStatus: status } }));
    } catch (err) {
      console.error(`could not resume job ${jobId}: ${messageOf(err)}`);
    }
  }
}
