// `npm run bench`: the figures of issue 13, each the median of ≥ 3 rounds with its spread, against
// a baseline measured in the same rounds, with its goal, printed as one table and written to
// test-results/bench.json. Loopback only; not part of `npm test`.
//
//   npm run bench                       every part (SEED_SCALE 100: delete-all at 10 and 100, search at 100,000 locks)
//   npm run bench -- search history     some parts: search history delete-all seed bff bundle deletions audit crash restore
//   npm run bench -- --quick            fewer requests, smaller scales (BENCH_QUICK=1)
//   SEED_SCALE=1000 npm run bench       the scale: delete-all at 100 and 1000, history and search at 1000
//
// Other knobs: BENCH_ROUNDS (≥ 3), BENCH_SEARCH_LOCKS, BENCH_AUDIT_RECORDS, BENCH_SKIP_BROWSER=1,
// BENCH_CRASH_DELETIONS (≥ 50), BENCH_CRASH_BATCH, BENCH_CRASH_KEEP=1,
// BENCH_{API,BFF,IDP,FLOOR,PROXY,STATIC}_PORT. See scripts/lib/bench-context.ts.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type AuditAtScale, benchAudit, printAudit } from "./lib/bench-audit-part.ts";
import { benchBff } from "./lib/bench-bff.ts";
import { benchBundle } from "./lib/bench-bundle.ts";
import { type BenchContext, benchContext } from "./lib/bench-context.ts";
import type { CrashReport } from "./lib/bench-crash.ts";
import { benchCrash } from "./lib/bench-crash-part.ts";
import { benchDeleteAll, type ScaleRun } from "./lib/bench-delete-all.ts";
import { benchDeletions } from "./lib/bench-deletions.ts";
import { benchHistory } from "./lib/bench-history.ts";
import { benchRestore } from "./lib/bench-restore.ts";
import { benchSearch, type SearchPlans } from "./lib/bench-search.ts";
import { BENCH_TMP, cleanBenchTmp, type Seeded } from "./lib/bench-state.ts";
import { type Figure, notMeasured, printFigures, printTable } from "./lib/bench-stats.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "test-results/bench.json");
const PARTS = [
  "bundle",
  "bff",
  "deletions",
  "history",
  "search",
  "seed",
  "delete-all",
  "audit",
  "crash",
  "restore",
] as const;
type Part = (typeof PARTS)[number];

type Details = {
  searchPlans?: SearchPlans;
  searchLocks?: number;
  deleteAll?: ScaleRun[];
  seeded?: Omit<Seeded, "dir">[];
  audit?: AuditAtScale;
  crash?: CrashReport;
};

/** Runs one part; a part that fails leaves its figures "not measured" with the error, and the rest run on. */
async function runPart(part: Part, ctx: BenchContext, details: Details): Promise<Figure[]> {
  const requests = ctx.quick ? 40 : 200;
  switch (part) {
    case "bundle":
      if (process.env.BENCH_SKIP_BROWSER === "1") return [skipped(part, "BENCH_SKIP_BROWSER=1")];
      return benchBundle({ seeded: await ctx.seeded(1), rounds: ctx.rounds, ports: ctx.ports, log: ctx.log });
    case "bff":
      return benchBff({
        seeded: await ctx.seeded(1),
        rounds: ctx.rounds,
        // A p50 within 1 ms of an api whose own p50 moves by about that much from run to run takes many.
        requests: ctx.quick ? requests : 500,
        ports: ctx.ports,
        log: ctx.log,
      });
    case "deletions":
      return benchDeletions({
        seeded: await ctx.seeded(1),
        rounds: ctx.rounds,
        runs: ctx.quick ? 3 : 5,
        port: ctx.ports.api,
        log: ctx.log,
      });
    case "history":
      return benchHistory({
        seeded: await ctx.seeded(Math.max(10, ctx.scale)),
        rounds: ctx.rounds,
        requests: ctx.quick ? 10 : 30,
        port: ctx.ports.api,
        log: ctx.log,
      });
    case "search": {
      const result = await benchSearch({
        seeded: await ctx.seeded(ctx.scale),
        locks: ctx.searchLocks,
        rounds: ctx.rounds,
        requests,
        ports: ctx.ports,
        log: ctx.log,
      });
      details.searchPlans = result.plans;
      details.searchLocks = result.locks;
      return result.figures;
    }
    case "seed":
    case "delete-all": {
      if (details.deleteAll) return []; // both parts are one run
      const small = Math.max(1, Math.round(ctx.scale / 10));
      const result = await benchDeleteAll({
        scales: [small, ctx.scale],
        rounds: ctx.rounds,
        seeded: ctx.seeded,
        ports: ctx.ports,
        log: ctx.log,
      });
      details.deleteAll = result.runs;
      details.seeded = result.seeded.map(({ dir: _dir, ...rest }) => rest);
      return result.figures;
    }
    case "audit": {
      const result = await benchAudit(
        ctx,
        Number(process.env.BENCH_AUDIT_RECORDS ?? (ctx.quick ? 2_000 : 20_000)),
      );
      details.audit = result.audit;
      return result.figures;
    }
    case "crash": {
      const result = await benchCrash(ctx);
      details.crash = result.report;
      return result.figures;
    }
    case "restore":
      return benchRestore({
        seeded: await ctx.seeded(Math.max(10, ctx.scale)),
        rounds: ctx.rounds,
        ports: ctx.ports,
        log: ctx.log,
      });
  }
}

const skipped = (part: string, reason: string) =>
  notMeasured({ part, name: `${part}: every figure`, unit: "", goal: null }, reason);

function parseArgs(argv: string[]) {
  const quick = argv.includes("--quick");
  const names = argv.filter((a) => a !== "--quick");
  const unknown = names.filter((p) => !PARTS.includes(p as Part));
  if (unknown.length > 0)
    throw new Error(`unknown bench part(s) ${unknown.join(", ")}: use ${PARTS.join(", ")}`);
  return { quick, parts: names.length === 0 ? [...PARTS] : PARTS.filter((p) => names.includes(p)) };
}

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg()[0]!;
  const { quick, parts } = parseArgs(process.argv.slice(2));
  const ctx = benchContext(quick);
  ctx.log(
    `parts ${parts.join(", ")}; SEED_SCALE ${ctx.scale}${ctx.quick ? " (quick)" : ""}, ${ctx.rounds} rounds; state in ${BENCH_TMP}`,
  );
  const figures: Figure[] = [];
  const details: Details = {};
  const errors: { part: string; error: string }[] = [];
  try {
    for (const part of parts) {
      const partStarted = Date.now();
      try {
        figures.push(...(await runPart(part, ctx, details)));
      } catch (err) {
        const message = (err as Error).message.split("\n")[0]!;
        ctx.log(`${part} failed: ${(err as Error).stack ?? message}`);
        errors.push({ part, error: message });
        figures.push(skipped(part, `failed: ${message}`));
      }
      ctx.log(`${part}: ${Math.round((Date.now() - partStarted) / 1000)} s`);
    }
  } finally {
    cleanBenchTmp();
  }

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
    `\nCleanup Console bench: ${machine.cpus} CPU(s), ${machine.cpuModel}, node ${machine.node}, ${load}; SEED_SCALE ${ctx.scale}, ${ctx.rounds} rounds${ctx.quick ? ", quick" : ""}\n`,
  );
  printFigures(figures);
  if (details.deleteAll) printDeleteAll(details.deleteAll);
  if (details.audit) printAudit(details.audit);
  mkdirSync(path.dirname(OUT), { recursive: true });
  const report = {
    at: new Date().toISOString(),
    machine,
    config: { quick: ctx.quick, seedScale: ctx.scale, rounds: ctx.rounds, searchLocks: ctx.searchLocks },
    parts,
    figures,
    errors,
    details,
  };
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  const short = figures.filter((f) => f.goal.met === false).length;
  const unmeasured = figures.filter((f) => f.status === "not-measured").length;
  console.log(
    `\n${figures.length} figures: ${figures.filter((f) => f.goal.met).length} meet their goal, ${short} short, ${unmeasured} not measured; written to ${path.relative(ROOT, OUT)} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

function printDeleteAll(runs: ScaleRun[]) {
  console.log("");
  printTable(
    [
      "delete-all",
      "R2 objects",
      "D1 rows",
      "DO states (floor)",
      "api ms (rounds)",
      "floor ms (rounds)",
      "api steps (last round)",
    ],
    runs.map((r) => [
      `scale ${r.scale}`,
      r.load.r2Objects,
      r.load.d1Rows,
      r.load.doStates,
      r.apiMs.map(Math.round).join(", "),
      r.floorMs.map(Math.round).join(", "),
      Object.entries(r.steps.at(-1) ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(", "),
    ]),
  );
}

await main();
