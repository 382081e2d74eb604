// Delete-all and the seed at two scales, each against the storage floor: a bare Worker writing and
// deleting the same numbers of R2 objects (of the same mean size), D1 rows and DO states directly.
// Every round starts from a clone of the same seeded state, so rounds differ only in the machine.
import { rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startApi } from "./api-server.ts";
import { BenchClient } from "./bench-client.ts";
import { type FloorLoad, fillFloor, startFloor } from "./bench-floor.ts";
import { BENCH_TMP, cloneState, longRequest, type Seeded, seedNow } from "./bench-state.ts";
import { type Figure, figure, type Round } from "./bench-stats.ts";

type Ports = { api: number; floor: number };
type Step = { name: string; durationMs?: number };
type Counts = {
  eventsDeleted: number;
  objectsDeleted?: number;
  doInstancesDeleted: number;
  d1RowsDeleted: Record<string, number>;
};
type DeleteAllBody = {
  success: boolean;
  /** Structured steps (the published `operations` are lines of text). */
  steps?: Step[];
  /** The structured counts (the published `deletionSummary` is one sentence). */
  summary?: Counts;
  deletionSummary: Counts | string;
  operations: (Step | string)[];
};
/** A job's outcome: the published answer, `{httpStatus, body}` (DESIGN §3.4), or the body itself. */
type Job = { status: string; result?: DeleteAllBody | { httpStatus: number; body: DeleteAllBody } };

export type ScaleRun = {
  scale: number;
  load: FloorLoad;
  apiMs: number[];
  floorMs: number[];
  /** Server-side time of each step of the api's delete-all, per round. */
  steps: Record<string, number>[];
  /** What the api's delete-all said it deleted (last round). */
  deleted: Counts | null;
  floorSteps: Record<string, number>[];
};

const units = (l: FloorLoad) => l.r2Objects + l.d1Rows + l.doStates;

/** Runs delete-all on the api (following its job when it answers 202) and waits for the outcome. */
async function timedDeleteAll(client: BenchClient): Promise<{ ms: number; body: DeleteAllBody }> {
  const started = performance.now();
  const res = await longRequest("POST", `${client.api.url}/admin/cleanup/delete-all`, client.authHeaders());
  if (res.status !== 200 && res.status !== 202)
    throw new Error(`delete-all: ${res.status} ${res.text.slice(0, 300)}`);
  const answer = JSON.parse(res.text) as DeleteAllBody & { jobId?: string; statusUrl?: string };
  let body: DeleteAllBody = answer;
  if (res.status === 202) {
    const url = answer.statusUrl ?? `/admin/jobs/${answer.jobId}`;
    for (;;) {
      const job = (await client.call<Job>("GET", url)).body;
      if (job.status === "succeeded" && job.result) {
        body = "body" in job.result ? job.result.body : job.result;
        break;
      }
      if (["failed", "cancelled"].includes(job.status)) throw new Error(`delete-all job ${job.status}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const ms = performance.now() - started;
  if (!body.success) throw new Error(`delete-all failed: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, body };
}

async function apiRound(seeded: Seeded, ports: Ports, tag: string) {
  const dir = path.join(BENCH_TMP, `round-api-${tag}`);
  cloneState(seeded.dir, dir);
  const api = await startApi({ seedScale: seeded.scale, seed: false, port: ports.api, stateDir: dir });
  try {
    const client = await BenchClient.connect(api);
    const { ms, body } = await timedDeleteAll(client);
    const left = (await client.call<{ counts: Record<string, number> }>("GET", "/admin/environment")).body
      .counts;
    if (left.locks !== 0 || left.events !== 0) throw new Error(`delete-all left ${JSON.stringify(left)}`);
    const structured = body.steps ?? body.operations.filter((o): o is Step => typeof o === "object");
    const steps = Object.fromEntries(structured.map((o) => [o.name, Math.round(o.durationMs ?? 0)]));
    return {
      ms,
      steps,
      deleted: typeof body.deletionSummary === "object" ? body.deletionSummary : body.summary!,
    };
  } finally {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function floorRound(floorDir: string, load: FloorLoad, ports: Ports, tag: string) {
  const dir = path.join(BENCH_TMP, `round-floor-${tag}`);
  cloneState(floorDir, dir);
  const floor = await startFloor(ports.floor, dir);
  try {
    const res = await floor.call<{ objects: number; rows: number; steps: Record<string, number> }>(
      "POST",
      `/delete?states=${load.doStates}`,
    );
    if (res.body.objects !== load.r2Objects || res.body.rows !== load.d1Rows) {
      throw new Error(`the floor deleted ${JSON.stringify(res.body)}, expected ${JSON.stringify(load)}`);
    }
    return { ms: res.ms, steps: res.body.steps };
  } finally {
    await floor.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function loadOf(seeded: Seeded): FloorLoad {
  const w = seeded.written;
  return {
    r2Objects: w.r2Objects,
    objectBytes: Math.round(w.bytes / Math.max(1, w.r2Objects)),
    d1Rows: w.d1Rows,
    doStates: seeded.warmLocks,
  };
}

/** A floor state dir holding `load`; returns it and the wall time the floor took to write it. */
async function floorState(load: FloorLoad, ports: Ports, tag: string) {
  const dir = path.join(BENCH_TMP, `floor-${tag}`);
  rmSync(dir, { recursive: true, force: true });
  const floor = await startFloor(ports.floor, dir);
  try {
    return { dir, fillMs: await fillFloor(floor, load) };
  } finally {
    await floor.stop();
  }
}

export async function benchDeleteAll(opts: {
  scales: [number, number];
  rounds: number;
  seeded: (scale: number) => Promise<Seeded>;
  ports: Ports;
  log: (line: string) => void;
}): Promise<{ figures: Figure[]; runs: ScaleRun[]; seeded: Seeded[] }> {
  const runs: ScaleRun[] = [];
  const seededList: Seeded[] = [];
  const figures: Figure[] = [];
  const seedRounds = new Map<number, Round[]>();
  for (const scale of opts.scales) {
    const seeded = await opts.seeded(scale);
    seededList.push(seeded);
    const load = loadOf(seeded);
    opts.log(`delete-all scale ${scale}: the floor writes ${JSON.stringify(load)}…`);
    const floorSnap = await floorState(load, opts.ports, `scale${scale}`);
    seedRounds.set(scale, [{ measured: seeded.seedMs, baseline: floorSnap.fillMs }]);
    const run: ScaleRun = { scale, load, apiMs: [], floorMs: [], steps: [], deleted: null, floorSteps: [] };
    for (let round = 0; round < opts.rounds; round++) {
      opts.log(`delete-all scale ${scale}: round ${round + 1} of ${opts.rounds}…`);
      const tag = `${scale}-${round}`;
      // Alternate who goes first, so a trend on the machine does not favour one side.
      const order = round % 2 === 0 ? ["api", "floor"] : ["floor", "api"];
      for (const who of order) {
        if (who === "api") {
          const r = await apiRound(seeded, opts.ports, tag);
          run.apiMs.push(r.ms);
          run.steps.push(r.steps);
          run.deleted = r.deleted;
        } else {
          const r = await floorRound(floorSnap.dir, load, opts.ports, tag);
          run.floorMs.push(r.ms);
          run.floorSteps.push(r.steps);
        }
      }
    }
    runs.push(run);
    const deleted = run.deleted!;
    const rows = Object.values(deleted.d1RowsDeleted).reduce((a, b) => a + b, 0);
    figures.push(
      figure(
        {
          part: "delete-all",
          name: `delete-all at scale ${scale}: the floor's time over the api's (speed)`,
          unit: "ms",
          baselineWhat: "storage floor",
          goal: { text: "speed ≥ 0.8× the floor", test: (r) => r >= 0.8 },
          compare: { label: "× floor speed", of: (r) => r.baseline / r.measured },
          note: `${load.r2Objects} R2 objects, ${rows} D1 rows, ${deleted.doInstancesDeleted} DO instances (api) / ${load.doStates} DO states (floor)`,
        },
        run.apiMs.map((ms, i) => ({ measured: ms, baseline: run.floorMs[i]! })),
      ),
    );
  }

  const [small, big] = runs as [ScaleRun, ScaleRun];
  const dataRatio = units(big.load) / units(small.load);
  const limit = 1.1 * dataRatio;
  figures.push(
    figure(
      {
        part: "delete-all",
        name: `delete-all: scale ${big.scale} over scale ${small.scale} (time)`,
        unit: "ms",
        baselineWhat: `scale ${small.scale}`,
        goal: {
          text: `≤ 1.1× the data (${dataRatio.toFixed(1)}×): ≤ ${limit.toFixed(1)}×`,
          test: (r) => r <= limit,
        },
        note: `data = R2 objects + D1 rows + DO states: ${units(small.load)} → ${units(big.load)}`,
      },
      big.apiMs.map((ms, i) => ({ measured: ms, baseline: small.apiMs[i]! })),
    ),
    figure(
      {
        part: "delete-all",
        name: `storage floor: scale ${big.scale} over scale ${small.scale} (time)`,
        unit: "ms",
        baselineWhat: `scale ${small.scale}`,
        goal: null,
        note: "for reference: how the raw storage itself scales here",
      },
      big.floorMs.map((ms, i) => ({ measured: ms, baseline: small.floorMs[i]! })),
    ),
  );

  // The seed: more rounds at the small scale (a fresh environment each), one at the large.
  for (let round = 1; round < opts.rounds; round++) {
    opts.log(`seed scale ${small.scale}: round ${round + 1} of ${opts.rounds}…`);
    const dir = path.join(BENCH_TMP, `seed-round-${round}`);
    const api = await startApi({ seedScale: small.scale, seed: false, port: opts.ports.api, stateDir: dir });
    let seedMs: number;
    try {
      seedMs = (await seedNow(api)).ms;
    } finally {
      await api.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    const floor = await floorState(small.load, opts.ports, `seed-${round}`);
    rmSync(floor.dir, { recursive: true, force: true });
    seedRounds.get(small.scale)!.push({ measured: seedMs, baseline: floor.fillMs });
  }
  for (const seeded of seededList) {
    const w = seeded.written;
    const perS = (n: number) => Math.round(n / (w.ms / 1000)).toLocaleString("en-US");
    figures.push(
      figure(
        {
          part: "seed",
          name: `seed at scale ${seeded.scale}: time over the floor writing the same numbers`,
          unit: "ms",
          baselineWhat: "floor writes",
          goal: null,
          note: `${w.r2Objects} objects, ${w.events} events, ${w.d1Rows} rows, ${w.batches} batches; ${perS(w.r2Objects)} objects/s, ${perS(w.events)} events/s, ${perS(w.d1Rows)} rows/s`,
        },
        seedRounds.get(seeded.scale)!,
      ),
    );
  }
  return { figures, runs, seeded: seededList };
}
