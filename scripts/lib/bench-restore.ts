// Restore of the longest-history lock (issue 10, DESIGN §3.5), each round a delete for good
// (DELETE_DO_AND_EVENTS) and a restore from the archive that deletion wrote, in one api; in the same
// round the storage floor writes what the restore wrote (its R2 objects of the same mean size, its
// D1 rows, one DO state). Two figures: restore over its deletion, and restore over the floor.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startApi } from "./api-server.ts";
import { BenchClient } from "./bench-client.ts";
import { type FloorLoad, fillFloor, startFloor } from "./bench-floor.ts";
import { BENCH_TMP, cloneState, type Seeded } from "./bench-state.ts";
import { type Figure, figure, type Round } from "./bench-stats.ts";

const PART = "restore";

type JobView = {
  jobId: string;
  status: string;
  createdAt: string;
  endedAt: string | null;
  steps: { name: string; detail: string | null }[];
  result?: { httpStatus: number; body: { summary?: { d1RowsRestored?: Record<string, number> } } };
};
type Detail = { lockId: number; eventCount: number; eventBytes: number };

/** Runs a job-backed request and waits for its job to end: wall time from the request to the end. */
async function untilEnded(client: BenchClient, method: string, p: string) {
  const started = performance.now();
  const first = await client.call<{ jobId?: string | null }>(method, p, {
    headers: { Prefer: "respond-async" },
  });
  const jobId = first.body.jobId;
  if (!jobId) throw new Error(`${method} ${p}: no job in ${JSON.stringify(first.body).slice(0, 200)}`);
  for (;;) {
    const { body: job } = await client.call<JobView>("GET", `/admin/jobs/${jobId}`);
    if (["succeeded", "failed", "cancelled"].includes(job.status)) {
      if (job.status !== "succeeded") throw new Error(`${method} ${p}: job ${jobId} ${job.status}`);
      return { ms: performance.now() - started, job };
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** What a restore wrote, from its job: R2 objects (its write-events step), D1 rows, one DO state. */
function writtenBy(job: JobView, lock: Detail): FloorLoad {
  const detail = job.steps.find((s) => s.name === "write-events")?.detail ?? "";
  const objects = Number(/in (\d+) R2 object/.exec(detail)?.[1] ?? 0);
  if (objects === 0) throw new Error(`restore: no R2 objects in its write-events step (${detail})`);
  const rows = Object.values(job.result?.body.summary?.d1RowsRestored ?? {}).reduce((a, b) => a + b, 0);
  return {
    r2Objects: objects,
    objectBytes: Math.round(lock.eventBytes / objects),
    d1Rows: rows,
    doStates: 1,
  };
}

export async function benchRestore(opts: {
  seeded: Seeded;
  rounds: number;
  ports: { api: number; floor: number };
  log: (line: string) => void;
}): Promise<Figure[]> {
  const dir = path.join(BENCH_TMP, "restore");
  cloneState(opts.seeded.dir, dir);
  const api = await startApi({
    seedScale: opts.seeded.scale,
    seed: false,
    port: opts.ports.api,
    stateDir: dir,
  });
  const floor = await startFloor(opts.ports.floor, path.join(BENCH_TMP, "restore-floor"));
  try {
    const client = await BenchClient.connect(api);
    const read = async (id: number) => (await client.call<Detail>("GET", `/admin/locks/${id}`)).body;
    // The longest history among the first locks in key order (the seed writes the long ones first).
    const { body: list } = await client.call<{ items: { id: string }[] }>(
      "GET",
      "/admin/search?type=lock&limit=50",
    );
    let lock: Detail | null = null;
    for (const { id } of list.items) {
      const d = await read(Number(id));
      if (!lock || d.eventCount > lock.eventCount) lock = d;
    }
    const longest = lock!;
    const before = JSON.stringify(await read(longest.lockId));
    const vsDeletion: Round[] = [];
    const vsFloor: Round[] = [];
    let load: FloorLoad | null = null;
    let identical = true;
    for (let round = 0; round < opts.rounds; round++) {
      opts.log(
        `restore: round ${round + 1} of ${opts.rounds} (lock ${longest.lockId}, ${longest.eventCount} events)…`,
      );
      const del = await untilEnded(
        client,
        "DELETE",
        `/admin/cleanup/locks/${longest.lockId}?mode=DELETE_DO_AND_EVENTS`,
      );
      const { body } = await client.call<{ items: { id: string; jobId: string | null }[] }>(
        "GET",
        `/admin/archives?targetType=lock&targetId=${longest.lockId}`,
      );
      const archive = body.items.find((a) => a.jobId === del.job.jobId);
      if (!archive) throw new Error(`restore: no archive of job ${del.job.jobId}`);
      // The floor before or after the restore, alternating, so a trend on the machine favours neither.
      const floorFirst = round % 2 === 1 && load !== null;
      const onFloor = async () => {
        const ms = await fillFloor(floor, load!);
        await floor.call("POST", `/delete?states=${load!.doStates}`); // untimed: the next round writes again
        return ms;
      };
      const floorBefore = floorFirst ? await onFloor() : null;
      const restore = await untilEnded(client, "POST", `/admin/archives/${archive.id}/restore`);
      load ??= writtenBy(restore.job, longest);
      const floorMs = floorBefore ?? (await onFloor());
      identical &&= JSON.stringify(await read(longest.lockId)) === before;
      vsDeletion.push({ measured: restore.ms, baseline: del.ms });
      vsFloor.push({ measured: restore.ms, baseline: floorMs });
    }
    if (!identical) opts.log("restore: the lock did NOT read back identical after a restore");
    const what = `lock ${longest.lockId}, ${longest.eventCount.toLocaleString("en-US")} events, ${(longest.eventBytes / 1e6).toFixed(1)} MB; scale ${opts.seeded.scale}; reads back ${identical ? "identical" : "DIFFERENT"} after every round`;
    return [
      figure(
        {
          part: PART,
          name: "restore of the longest-history lock over its deletion (time)",
          unit: "ms",
          baselineWhat: "DELETE_DO_AND_EVENTS of it",
          goal: null,
          note: `${what}; request to the job's end, both`,
        },
        vsDeletion,
      ),
      figure(
        {
          part: PART,
          name: "restore of the longest-history lock over the storage floor writing the same",
          unit: "ms",
          baselineWhat: "storage floor",
          goal: null,
          note: `floor writes ${load!.r2Objects} R2 objects of ${load!.objectBytes} bytes, ${load!.d1Rows} D1 rows, ${load!.doStates} DO state`,
        },
        vsFloor,
      ),
    ];
  } finally {
    await floor.stop();
    await api.stop();
  }
}
