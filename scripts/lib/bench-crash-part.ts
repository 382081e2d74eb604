// The crash run as figures of `npm run bench` (issue 9 (a)): scripts/lib/bench-crash.ts kills the api
// during ≥ 50 deletions of every kind and mode and a delete-all, and counts from raw storage what
// went wrong. Each count is a figure with goal 0; the time to a settled outcome is shown against an
// api restart measured in the same run.
import type { BenchContext } from "./bench-context.ts";
import { type CrashReport, printCrashReport, runCrashBench } from "./bench-crash.ts";
import { countFigure, type Figure, figure } from "./bench-stats.ts";

const PART = "crash";
const zero = { text: "0", test: (n: number) => n === 0 };

/** How many deletions of each kind and mode the run made ("lock DELETE_DO_ONLY 9, …"). */
export function kindsOf(report: CrashReport): string {
  const counts = new Map<string, number>();
  for (const { target: t } of report.details) {
    const kind =
      t.kind === "lock"
        ? `lock ${t.mode}${t.mode === "DELETE_DO_AND_EVENTS" ? ` cascade=${t.cascade}` : ""}`
        : t.kind === "hub"
          ? `hub ${t.mode}`
          : t.kind === "project-key"
            ? `project key ${t.action}`
            : t.kind === "organization"
              ? "organization keys"
              : "delete-all";
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).join(", ");
}

export async function benchCrash(ctx: BenchContext): Promise<{ figures: Figure[]; report: CrashReport }> {
  const report = await runCrashBench({
    port: ctx.ports.api,
    deletions: Math.max(50, Number(process.env.BENCH_CRASH_DELETIONS ?? 50)),
    batch: Math.max(1, Number(process.env.BENCH_CRASH_BATCH ?? 2)),
    log: ctx.log,
  });
  printCrashReport(report, ctx.log);
  const run = `${report.deletions} deletions (${kindsOf(report)}), ${report.kills} SIGKILLs, ${report.killedMidway} mid-deletion`;
  const counts: [string, number, string][] = [
    [
      "events lost without an archive",
      report.lostEvents,
      "events gone from R2 that no verified archive holds",
    ],
    ["half-deleted targets", report.halfDeleted, "a target neither whole nor wholly deleted in raw R2/D1/DO"],
    [
      "wedged Idempotency-Keys",
      report.wedgedKeys,
      "a retry with the same key that never reached the job's answer",
    ],
    [
      "missing audit records",
      report.missingAudit,
      "not exactly one started and one final record per deletion",
    ],
    ["orphan archives", report.orphanArchives, "an archive object unlisted, listed twice, or empty"],
  ];
  const figures = counts.map(([name, n, what], i) =>
    countFigure(
      {
        part: PART,
        name: `crash run: ${name}`,
        unit: "",
        goal: zero,
        note: i === 0 ? `${what}; ${run}` : what,
      },
      n,
    ),
  );
  figures.push(
    countFigure(
      {
        part: PART,
        name: "crash run: deletions whose job did not succeed",
        goal: null,
        note: `listed archives with no object: ${report.listedWithoutObject}; kills by place: ${Object.entries(
          report.killsByPlace,
        )
          .map(([k, n]) => `${k} ${n}`)
          .join(", ")}`,
      },
      report.failedJobs,
    ),
    figure(
      {
        part: PART,
        name: "crash run: time to a settled outcome (kill, restart, retries) over one api restart",
        unit: "ms",
        baselineWhat: "api restart, median",
        goal: null,
        note: "rounds = the deletions; each against the run's median restart",
      },
      report.details.map((d) => ({ measured: d.settleMs, baseline: report.medianRestartMs })),
    ),
  );
  return { figures, report };
}
