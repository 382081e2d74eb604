// Two figures others add later, with their place in the bench kept: each part already runs (and says
// "not measured" with the reason) so that landing the measurement is filling in one function.
//
// - crash: the api killed at random points during ≥ 50 deletions (DESIGN §3.4: every deletion a
//   resumable job). Measure: kill `wrangler dev` (processes.ts `stop` of the api's group, or SIGKILL)
//   at a random moment of each deletion, start it again on the same state dir (`startApi({ stateDir })`),
//   and count deletions that ended exactly once with nothing half-deleted, against the same deletions
//   without kills (baseline: their time; figure: time to a settled outcome, and the count of bad ends,
//   goal 0).
// - restore: restore time of the longest-history lock (`POST /admin/archives/{id}/restore`, DESIGN §3.5)
//   against its deletion time, and against the storage floor writing the same objects and rows
//   (`fillFloor` in bench-floor.ts writes R2 objects, D1 rows and DO states in given numbers).
import type { BenchContext } from "./bench-context.ts";
import { type Figure, notMeasured } from "./bench-stats.ts";

/** The crash run: not measured until deletions run as resumable jobs. */
export async function benchCrash(_ctx: BenchContext): Promise<Figure[]> {
  return [
    notMeasured(
      {
        part: "crash",
        name: "≥ 50 deletions, the api killed at random points: deletions not ended exactly once",
        unit: "count",
        goal: { text: "0", test: (n) => n === 0, on: "measured" },
        note: "hook: scripts/lib/bench-hooks.ts benchCrash",
      },
      "needs deletions as resumable jobs (issue 9); hook in place",
    ),
  ];
}

/** Restore vs deletion of the longest-history lock: not measured until restores exist. */
export async function benchRestore(_ctx: BenchContext): Promise<Figure[]> {
  return [
    notMeasured(
      {
        part: "restore",
        name: "restore of the longest-history lock over its deletion (time)",
        unit: "ms",
        goal: null,
        note: "hook: scripts/lib/bench-hooks.ts benchRestore; floor: fillFloor",
      },
      "POST /admin/archives/{id}/restore does not exist yet (DESIGN §3.5); hook in place",
    ),
  ];
}
