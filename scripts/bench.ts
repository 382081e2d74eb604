// `npm run bench`: timings of the admin API in local workerd (wrangler dev), each reported as a ratio
// against a baseline measured in the same run. Loopback only, bounded loops; not part of `npm test`.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { type ApiServer, seedApi, startApi } from "./lib/api-server.ts";
import { BenchClient, printTable } from "./lib/bench-client.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "test-results/bench.json");
const RUNS = 15;

type Summary = {
  eventsDeleted: number;
  objectsDeleted?: number;
  d1RowsDeleted: Record<string, number>;
};
type Deletion = {
  success: boolean;
  duration: number;
  deletionSummary: Summary;
  operations: { name: string; durationMs?: number }[];
};
type LockRef = { id: string; events: number };
type Row = { scenario: string; baselineMs: number; measuredMs: number; ratio: number; note: string };

const round = (n: number) => Math.round(n * 10) / 10;
const row = (scenario: string, baselineMs: number, measuredMs: number, note = ""): Row => ({
  scenario,
  baselineMs: round(baselineMs),
  measuredMs: round(measuredMs),
  ratio: Math.round((measuredMs / baselineMs) * 100) / 100,
  note,
});

async function withApi<T>(seedScale: number, port: number, body: (api: ApiServer) => Promise<T>): Promise<T> {
  const stateDir = path.join(os.tmpdir(), `cleanup-bench-${process.pid}-scale${seedScale}`);
  const api = await startApi({ seedScale, seed: false, port, stateDir });
  try {
    return await body(api);
  } finally {
    await api.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

async function timedSeed(api: ApiServer): Promise<number> {
  const started = performance.now();
  if (!(await seedApi(api.url, api.adminKey, api.devPassword))) throw new Error("seed was a no-op");
  return performance.now() - started;
}

/** Locks by event count, most first (reading each also warms its DO). */
async function locksByEvents(client: BenchClient): Promise<LockRef[]> {
  const { body } = await client.call<{ items: { id: string }[] }>("GET", "/admin/search?type=lock&limit=100");
  const locks: LockRef[] = [];
  for (const { id } of body.items) {
    const detail = await client.call<{ eventCount: number }>("GET", `/admin/locks/${id}`);
    locks.push({ id, events: detail.body.eventCount });
  }
  return locks.sort((a, b) => b.events - a.events);
}

/** (a) warm read vs the first read after DELETE_DO_ONLY (a replay from the R2 segments). */
async function replayRows(client: BenchClient, lock: LockRef, label: string): Promise<Row> {
  const read = () => client.call("GET", `/admin/locks/${lock.id}`);
  const dropState = () => client.call("DELETE", `/admin/cleanup/locks/${lock.id}?mode=DELETE_DO_ONLY`);
  await read();
  const warm = await client.median(RUNS, read);
  const cold = await client.median(RUNS, read, dropState);
  return row(`read ${label} lock (${lock.events} events): replay vs warm`, warm, cold);
}

/** (b) dry run vs the real deletion, for one mode and lock. DELETE_DO_AND_EVENTS runs once. */
async function deletionRow(client: BenchClient, lock: LockRef, label: string, mode: string): Promise<Row> {
  const url = `/admin/cleanup/locks/${lock.id}?mode=${mode}`;
  const dry = await client.median(RUNS, () => client.call("DELETE", `${url}&dryRun=true`));
  const warmUp = () => client.call("GET", `/admin/locks/${lock.id}`);
  const real =
    mode === "DELETE_DO_ONLY"
      ? await client.median(RUNS, () => client.call("DELETE", url), warmUp)
      : (await client.call<Deletion>("DELETE", url)).ms;
  const runs = mode === "DELETE_DO_ONLY" ? `median of ${RUNS}` : "single run";
  return row(`${mode} ${label} lock (${lock.events} events): real vs dry run`, dry, real, runs);
}

type DeleteAll = {
  scale: number;
  seedMs: number;
  dryRunMs: number;
  ms: number;
  serverMs: number;
  rows: number;
  events: number;
  objects: number;
  /** Server-side time of each step (DO state, R2 events, D1 rows). */
  stepsMs: Record<string, number>;
};

/** (c) delete-all on a freshly seeded environment. */
async function deleteAll(client: BenchClient, scale: number, seedMs: number): Promise<DeleteAll> {
  const dry = await client.call("POST", "/admin/cleanup/delete-all?dryRun=true");
  const { ms, body } = await client.call<Deletion>("POST", "/admin/cleanup/delete-all");
  if (!body.success) throw new Error(`delete-all failed: ${JSON.stringify(body).slice(0, 300)}`);
  const s = body.deletionSummary;
  return {
    scale,
    seedMs: Math.round(seedMs),
    dryRunMs: Math.round(dry.ms),
    ms: Math.round(ms),
    serverMs: Math.round(body.duration),
    rows: Object.values(s.d1RowsDeleted).reduce((a, b) => a + b, 0),
    events: s.eventsDeleted,
    objects: s.objectsDeleted ?? 0,
    stepsMs: Object.fromEntries(body.operations.map((o) => [o.name, Math.round(o.durationMs ?? 0)])),
  };
}

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg()[0]!;
  const rows: Row[] = [];
  const resets: DeleteAll[] = [];

  await withApi(1, 48787, async (api) => {
    const client = await BenchClient.connect(api);
    resets.push(await deleteAll(client, 1, await timedSeed(api)));
    await timedSeed(api); // fresh data for the per-lock scenarios
    const locks = await locksByEvents(client);
    const long = locks.filter((l) => l.events >= 2000);
    const short = locks.filter((l) => l.events > 0).slice(-2);
    if (long.length < 2 || short.length < 2) throw new Error("the seed lacks long or short locks");
    rows.push(await replayRows(client, long[0]!, "long"), await replayRows(client, short[0]!, "short"));
    for (const mode of ["DELETE_DO_ONLY", "DELETE_DO_AND_EVENTS"]) {
      rows.push(await deletionRow(client, long[1]!, "long", mode));
      rows.push(await deletionRow(client, short[1]!, "short", mode));
    }
  });
  await withApi(10, 48788, async (api) => {
    const client = await BenchClient.connect(api);
    resets.push(await deleteAll(client, 10, await timedSeed(api)));
  });
  const [one, ten] = resets as [DeleteAll, DeleteAll];
  rows.push(row("delete-all: scale 10 vs scale 1", one.ms, ten.ms, `rows ${ten.rows}/${one.rows}`));

  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    // Other work on the machine skews the figures; the load average says how busy it was.
    loadAverage1m: { before: loadBefore, after: os.loadavg()[0]! },
  };
  const load = `load ${loadBefore.toFixed(1)} -> ${machine.loadAverage1m.after.toFixed(1)}`;
  console.log(
    `\nCleanup Console api bench: ${machine.cpus} CPU(s), ${machine.cpuModel}, node ${machine.node}, ${load}\n`,
  );
  printTable(
    ["scenario", "baseline ms", "measured ms", "ratio", "note"],
    rows.map((r) => [r.scenario, r.baselineMs, r.measuredMs, `${r.ratio}x`, r.note]),
  );
  console.log("");
  printTable(
    ["delete-all", "seed ms", "dry run ms", "delete ms", "server ms", "D1 rows", "events", "R2 objects"],
    resets.map((d) => [
      `scale ${d.scale}`,
      d.seedMs,
      d.dryRunMs,
      d.ms,
      d.serverMs,
      d.rows,
      d.events,
      d.objects,
    ]),
  );
  for (const d of resets) {
    const steps = Object.entries(d.stepsMs).map(([name, ms]) => `${name} ${ms} ms`);
    console.log(`scale ${d.scale} steps: ${steps.join(", ")}`);
  }
  mkdirSync(path.dirname(OUT), { recursive: true });
  const report = { at: new Date().toISOString(), machine, runsPerMedian: RUNS, rows, deleteAll: resets };
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(ROOT, OUT)} in ${Math.round((Date.now() - started) / 1000)} s`);
}

await main();
