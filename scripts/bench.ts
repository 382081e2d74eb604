// `npm run bench`: timings of the admin API in local workerd (wrangler dev), each reported as a ratio
// against a baseline measured in the same run. Loopback only, bounded loops; not part of `npm test`.
// `npm run bench -- api` or `-- audit` runs one part: `api` (replays, deletions, delete-all) or
// `audit` (the audit log at BENCH_AUDIT_RECORDS real records: generation, paging, verify, and the
// console's table in headless Chromium; BENCH_SKIP_BROWSER=1 leaves the browser out), or `crash`
// (BENCH_CRASH_DELETIONS ≥ 50 deletions, the api killed in each and restarted; scripts/lib/bench-crash.ts).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { type ApiServer, seedApi, startApi } from "./lib/api-server.ts";
import {
  type AuditGeneration,
  type AuditPaging,
  generateAuditRecords,
  measureAuditPaging,
} from "./lib/bench-audit.ts";
import { type AuditTableScroll, measureAuditTable } from "./lib/bench-audit-web.ts";
import { BenchClient, printTable, type Row, row } from "./lib/bench-client.ts";
import { type CrashReport, printCrashReport, runCrashBench } from "./lib/bench-crash.ts";
import { consoleClient, startIdp } from "./lib/idp-server.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "test-results/bench.json");
const RUNS = 15;
const PARTS = ["api", "audit", "crash"];
const AUDIT_RECORDS = Number(process.env.BENCH_AUDIT_RECORDS ?? 20_000);
/** Rows of the console's audit table to scroll through in Chromium. */
const AUDIT_SCROLL_ROWS = 5_000;

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

type AuditAtScale = {
  generation: AuditGeneration;
  paging: Omit<AuditPaging, "rows">;
  table: AuditTableScroll | { skipped: string };
};

/**
 * (d) The audit log at scale, on its own api and state dir: real records through the api, the
 * listing's first page against the deepest, the chain verification, then the console's table.
 */
async function auditAtScale(rows: Row[]): Promise<AuditAtScale> {
  const stateDir = path.join(ROOT, `.state/bench-audit-${process.pid}`);
  mkdirSync(stateDir, { recursive: true });
  // The console signs in at the local OpenID provider, whose tokens this api trusts.
  const idp = await startIdp({
    port: 38789,
    devPassword: "dev-password",
    clients: [consoleClient("http://localhost:38080")],
    logFile: path.join(stateDir, "idp.log"),
  });
  const api = await startApi({ seedScale: 1, port: 38787, stateDir, trustIssuer: idp });
  const log = (line: string) => console.log(`[bench] ${line}`);
  try {
    const admin = await BenchClient.connect(api);
    const support = await BenchClient.connect(api, "support@smartphonekey.com");
    log(`writing ${AUDIT_RECORDS} audit records through the api…`);
    const generation = await generateAuditRecords([admin, support], AUDIT_RECORDS, 8);
    log(`${generation.records} records in ${Math.round(generation.ms / 1000)} s; paging and verify…`);
    const { body: hubs } = await admin.call<{ items: { id: string }[] }>(
      "GET",
      "/admin/search?type=hub&limit=1",
    );
    const { rows: pagingRows, ...paging } = await measureAuditPaging(admin, {
      runs: RUNS,
      actor: "support@smartphonekey.com",
      hubId: hubs.items[0]!.id,
      verifyRuns: 1,
    });
    rows.push(...pagingRows);
    let table: AuditTableScroll | { skipped: string };
    if (process.env.BENCH_SKIP_BROWSER === "1") table = { skipped: "BENCH_SKIP_BROWSER=1" };
    else {
      log(`scrolling the console's audit table through ${AUDIT_SCROLL_ROWS} rows in Chromium…`);
      try {
        table = await measureAuditTable(api, {
          bffPort: 38080,
          idpPort: 38789,
          rows: AUDIT_SCROLL_ROWS,
          log,
        });
        rows.push(
          row(
            `audit table: longest frame while scrolling ${table.rowsScrolled} rows vs an idle frame`,
            table.idleFrameMs,
            table.longestFrameMs,
            `${table.droppedFrames} dropped of ${table.frames}; ${table.maxDomRows} rows in the DOM at most`,
          ),
        );
      } catch (err) {
        table = { skipped: (err as Error).message.split("\n")[0]! };
        log(`audit table not measured: ${table.skipped}`);
      }
    }
    return { generation, paging, table };
  } finally {
    await Promise.allSettled([api.stop(), idp.stop()]);
    rmSync(stateDir, { recursive: true, force: true });
  }
}

async function apiScenarios(rows: Row[], resets: DeleteAll[]) {
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
}

function printAudit({ generation: g, paging, table }: AuditAtScale) {
  console.log("");
  const statuses = Object.entries(g.statuses).map(([status, n]) => `${status}: ${n}`);
  printTable(
    ["audit records", "requests", "in flight", "total s", "records/s", "request ms (median/p95/max)", "HTTP"],
    [
      [
        g.records,
        g.requests,
        g.concurrency,
        Math.round(g.ms / 100) / 10,
        g.perSecond,
        `${g.requestMs.median}/${g.requestMs.p95}/${g.requestMs.max}`,
        statuses.join(", "),
      ],
    ],
  );
  console.log(`verify: ${paging.verify.checked} records in ${paging.verify.ms.join(", ")} ms`);
  console.log("");
  if ("skipped" in table) {
    console.log(`audit table in Chromium: not measured (${table.skipped})`);
    return;
  }
  printTable(
    [
      "audit table",
      "frames",
      "waiting",
      "idle ms",
      "median ms",
      "p99 ms",
      "longest ms",
      "dropped",
      "long tasks",
      "DOM rows",
      "first rows ms",
      "chain status ms",
    ],
    [
      [
        `${table.rowsScrolled} rows scrolled`,
        table.frames,
        table.waitingFrames,
        table.idleFrameMs,
        table.medianFrameMs,
        table.p99FrameMs,
        table.longestFrameMs,
        table.droppedFrames,
        `${table.longTasks} (max ${table.longestTaskMs} ms)`,
        table.maxDomRows,
        table.firstRowsMs,
        table.chainStatusMs,
      ],
    ],
  );
  console.log(
    `scrolled ${table.pxPerFrame} px a frame for ${Math.round(table.scrollMs / 100) / 10} s, ${table.rowsLoaded} records loaded; ${table.domElements} elements in the page, JS heap ${table.jsHeapMb} MB`,
  );
  console.log(`chain status: ${table.chainStatus}`);
}

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg()[0]!;
  const parts = process.argv.slice(2);
  const unknown = parts.filter((p) => !PARTS.includes(p));
  if (unknown.length > 0)
    throw new Error(`unknown bench part(s) ${unknown.join(", ")}: use ${PARTS.join(", ")}`);
  const runs = (part: string) => parts.length === 0 || parts.includes(part);
  const rows: Row[] = [];
  const resets: DeleteAll[] = [];
  if (runs("api")) await apiScenarios(rows, resets);
  const audit = runs("audit") ? await auditAtScale(rows) : null;
  const crash: CrashReport | null = runs("crash")
    ? await runCrashBench({
        port: Number(process.env.BENCH_CRASH_PORT ?? 48790),
        deletions: Math.max(50, Number(process.env.BENCH_CRASH_DELETIONS ?? 50)),
        batch: Math.max(1, Number(process.env.BENCH_CRASH_BATCH ?? 2)),
        log: (line) => console.log(`[bench] ${line}`),
      })
    : null;

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
  if (resets.length > 0) printResets(resets);
  if (audit) printAudit(audit);
  if (crash) {
    console.log("");
    printCrashReport(crash);
  }
  mkdirSync(path.dirname(OUT), { recursive: true });
  const report = {
    at: new Date().toISOString(),
    machine,
    parts: PARTS.filter(runs),
    runsPerMedian: RUNS,
    rows,
    deleteAll: resets,
    ...(audit ? { audit } : {}),
    ...(crash ? { crash } : {}),
  };
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(ROOT, OUT)} in ${Math.round((Date.now() - started) / 1000)} s`);
}

function printResets(resets: DeleteAll[]) {
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
}

await main();
