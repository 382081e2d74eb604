import { performance } from "node:perf_hooks";
import { type BenchClient, median, type Row, row } from "./bench-client.ts";

type JobView = { jobId: string; status: string; createdAt: string; endedAt: string | null };

/** Runs a job-backed request and waits for its job to end: wall time (request to end) and the job's own time. */
async function untilEnded(client: BenchClient, method: string, path: string) {
  const started = performance.now();
  const first = await client.call<{ jobId?: string | null }>(method, path, {
    headers: { Prefer: "respond-async" },
  });
  const jobId = first.body.jobId;
  if (!jobId) throw new Error(`${method} ${path}: no job in ${JSON.stringify(first.body).slice(0, 200)}`);
  for (;;) {
    const { body: job } = await client.call<JobView>("GET", `/admin/jobs/${jobId}`);
    if (["succeeded", "failed", "cancelled"].includes(job.status)) {
      if (job.status !== "succeeded") throw new Error(`${method} ${path}: job ${jobId} ${job.status}`);
      const serverMs = Date.parse(job.endedAt ?? "") - Date.parse(job.createdAt);
      return { ms: performance.now() - started, serverMs, jobId };
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One cycle: delete the lock for good, then restore it from the archive that deletion wrote. */
async function cycle(client: BenchClient, lockId: string) {
  const del = await untilEnded(client, "DELETE", `/admin/cleanup/locks/${lockId}?mode=DELETE_DO_AND_EVENTS`);
  const { body } = await client.call<{ items: { id: string; jobId: string | null }[] }>(
    "GET",
    `/admin/archives?targetType=lock&targetId=${lockId}`,
  );
  const archive = body.items.find((a) => a.jobId === del.jobId);
  if (!archive) throw new Error(`no archive of job ${del.jobId}`);
  const restore = await untilEnded(client, "POST", `/admin/archives/${archive.id}/restore`);
  return { del, restore };
}

export type RestoreTiming = {
  lockId: string;
  events: number;
  cycles: number;
  deleteMs: number;
  restoreMs: number;
  deleteServerMs: number;
  restoreServerMs: number;
  identical: boolean;
};

/** Delete-and-restore cycles per lock: each restore reads the archive its own deletion wrote. */
const CYCLES = 3;

/**
 * Deletes a lock for good (DELETE_DO_AND_EVENTS) and restores it from the archive that deletion
 * wrote, {@link CYCLES} times in the same run: the median restore against the median deletion, and
 * whether the lock reads back exactly as before after every cycle.
 */
export async function measureRestore(
  client: BenchClient,
  lock: { id: string; events: number },
): Promise<{ timing: RestoreTiming; row: Row }> {
  const read = async () => JSON.stringify((await client.call("GET", `/admin/locks/${lock.id}`)).body);
  const before = await read();
  const runs: Awaited<ReturnType<typeof cycle>>[] = [];
  let identical = true;
  for (let i = 0; i < CYCLES; i++) {
    runs.push(await cycle(client, lock.id));
    identical &&= (await read()) === before;
  }
  const timing: RestoreTiming = {
    lockId: lock.id,
    events: lock.events,
    cycles: CYCLES,
    deleteMs: Math.round(median(runs.map((r) => r.del.ms))),
    restoreMs: Math.round(median(runs.map((r) => r.restore.ms))),
    deleteServerMs: median(runs.map((r) => r.del.serverMs)),
    restoreServerMs: median(runs.map((r) => r.restore.serverMs)),
    identical,
  };
  return {
    timing,
    row: row(
      `restore vs DELETE_DO_AND_EVENTS of the longest lock (${lock.events} events)`,
      median(runs.map((r) => r.del.ms)),
      median(runs.map((r) => r.restore.ms)),
      `medians of ${CYCLES}; server ${timing.restoreServerMs}/${timing.deleteServerMs} ms; reads back ${identical ? "identical" : "DIFFERENT"}`,
    ),
  };
}
