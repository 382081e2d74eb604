// Single-lock deletions at scale 1: each mode's real deletion against its own dry run of the same
// lock, for a long history (2,000–5,000 events) and a short one. DELETE_DO_AND_EVENTS removes the
// lock, so each round takes another lock of the same kind.
import path from "node:path";
import { startApi } from "./api-server.ts";
import { BenchClient } from "./bench-client.ts";
import { BENCH_TMP, cloneState, type Seeded } from "./bench-state.ts";
import { type Figure, figure, median, type Round } from "./bench-stats.ts";

type Detail = { lockId: number; eventCount: number };

export async function benchDeletions(opts: {
  seeded: Seeded;
  rounds: number;
  runs: number;
  port: number;
  log: (line: string) => void;
}): Promise<Figure[]> {
  const dir = path.join(BENCH_TMP, "deletions");
  cloneState(opts.seeded.dir, dir);
  const api = await startApi({ seedScale: opts.seeded.scale, seed: false, port: opts.port, stateDir: dir });
  try {
    const client = await BenchClient.connect(api);
    const { body: list } = await client.call<{ items: { id: string }[] }>(
      "GET",
      "/admin/search?type=lock&limit=100",
    );
    const locks: Detail[] = [];
    for (const { id } of list.items)
      locks.push((await client.call<Detail>("GET", `/admin/locks/${id}`)).body);
    locks.sort((a, b) => b.eventCount - a.eventCount);
    const long = locks.filter((l) => l.eventCount >= 2000);
    const short = locks.filter((l) => l.eventCount < 200).slice(-2 * opts.rounds);
    if (long.length < opts.rounds || short.length < opts.rounds)
      throw new Error("deletions: the seed lacks long or short locks");

    const url = (id: number, mode: string) => `/admin/cleanup/locks/${id}?mode=${mode}`;
    const dry = (id: number, mode: string) => client.call("DELETE", `${url(id, mode)}&dryRun=true`);
    const rounds = new Map<string, Round[]>();
    const push = (name: string, r: Round) => rounds.set(name, [...(rounds.get(name) ?? []), r]);
    for (let round = 0; round < opts.rounds; round++) {
      opts.log(`deletions: round ${round + 1} of ${opts.rounds}…`);
      for (const [label, group] of [
        ["long", long],
        ["short", short],
      ] as const) {
        // One lock a round: DELETE_DO_ONLY first (it keeps the lock, its state read back in between),
        // then DELETE_DO_AND_EVENTS removes it.
        const kept = group[round]!;
        const dryMs: number[] = [];
        const realMs: number[] = [];
        for (let i = 0; i < opts.runs; i++) {
          dryMs.push((await dry(kept.lockId, "DELETE_DO_ONLY")).ms);
          await client.call("GET", `/admin/locks/${kept.lockId}`);
          realMs.push((await client.call("DELETE", url(kept.lockId, "DELETE_DO_ONLY"))).ms);
        }
        push(`DELETE_DO_ONLY, ${label} lock`, { measured: median(realMs), baseline: median(dryMs) });
        const gone = kept;
        const dryFull: number[] = [];
        for (let i = 0; i < opts.runs; i++) dryFull.push((await dry(gone.lockId, "DELETE_DO_AND_EVENTS")).ms);
        const real = (await client.call("DELETE", url(gone.lockId, "DELETE_DO_AND_EVENTS"))).ms;
        push(`DELETE_DO_AND_EVENTS, ${label} lock`, { measured: real, baseline: median(dryFull) });
      }
    }
    return [...rounds].map(([name, r]) =>
      figure(
        {
          part: "deletions",
          name: `${name}: real deletion over its dry run`,
          unit: "ms",
          baselineWhat: "dry run, median",
          goal: null,
          note: `scale ${opts.seeded.scale}; long = ${long[0]!.eventCount}+ events, short < 200`,
        },
        r,
      ),
    );
  } finally {
    await api.stop();
  }
}
