// A long history at scale: the seed's 100,000-event lock against a lock of about 10 events, in the
// same api, requests interleaved: its dry run, its read, and its read right after DELETE_DO_ONLY
// (no DO state: the state comes from the events).
import path from "node:path";
import { startApi } from "./api-server.ts";
import { BenchClient } from "./bench-client.ts";
import { BENCH_TMP, cloneState, type Seeded } from "./bench-state.ts";
import { type Figure, figure, median, notMeasured, type Round } from "./bench-stats.ts";

const PART = "history";
/** The seed's first lock holds the longest history from SEED_SCALE=10 up (api/src/seed/demo-devices.ts). */
const LONGEST_LOCK_ID = 1001;

type Detail = { lockId: number; eventCount: number };

export async function benchHistory(opts: {
  seeded: Seeded;
  rounds: number;
  requests: number;
  port: number;
  log: (line: string) => void;
}): Promise<Figure[]> {
  const goal = { text: "≤ 2× the 10-event lock", test: (r: number) => r <= 2 };
  const names = ["dry run (DELETE_DO_AND_EVENTS)", "read, DO state held", "read right after DELETE_DO_ONLY"];
  if (opts.seeded.scale < 10) {
    return names.map((n) =>
      notMeasured(
        { part: PART, name: `100,000-event lock: ${n}`, unit: "ms", goal },
        "needs SEED_SCALE ≥ 10",
      ),
    );
  }
  const dir = path.join(BENCH_TMP, "history");
  cloneState(opts.seeded.dir, dir);
  const api = await startApi({ seedScale: opts.seeded.scale, seed: false, port: opts.port, stateDir: dir });
  try {
    const client = await BenchClient.connect(api);
    const read = async (id: number) => (await client.call<Detail>("GET", `/admin/locks/${id}`)).body;
    const long = await read(LONGEST_LOCK_ID);
    if (long.eventCount < 100_000)
      throw new Error(`history: lock ${LONGEST_LOCK_ID} holds ${long.eventCount} events`);
    // Short histories are the last locks (the long ones come first): the nearest to 10 events.
    const { body } = await client.call<{ total: number }>("GET", "/admin/search?type=lock&limit=1");
    let short: Detail | null = null;
    for (let id = 1000 + body.total; id > 1000 + body.total - 400 && short?.eventCount !== 10; id--) {
      const d = await read(id);
      if (!short || Math.abs(d.eventCount - 10) < Math.abs(short.eventCount - 10)) short = d;
    }
    const pair = [long.lockId, short!.lockId];
    const dryRun = (id: number) =>
      client.call("DELETE", `/admin/cleanup/locks/${id}?mode=DELETE_DO_AND_EVENTS&dryRun=true`);
    const dropState = (id: number) => client.call("DELETE", `/admin/cleanup/locks/${id}?mode=DELETE_DO_ONLY`);
    const scenarios: {
      name: string;
      timed: (id: number) => Promise<{ ms: number }>;
      before?: (id: number) => Promise<unknown>;
    }[] = [
      { name: names[0]!, timed: dryRun },
      { name: names[1]!, timed: (id) => client.call("GET", `/admin/locks/${id}`) },
      { name: names[2]!, timed: (id) => client.call("GET", `/admin/locks/${id}`), before: dropState },
    ];
    const rounds = new Map<string, Round[]>(scenarios.map((s) => [s.name, []]));
    for (let round = 0; round < opts.rounds; round++) {
      opts.log(`history: round ${round + 1} of ${opts.rounds}…`);
      for (const s of scenarios) {
        const times: Record<number, number[]> = { [pair[0]!]: [], [pair[1]!]: [] };
        for (let i = 0; i < opts.requests; i++) {
          for (const id of i % 2 ? pair : [...pair].reverse()) {
            await s.before?.(id);
            times[id]!.push((await s.timed(id)).ms);
          }
        }
        rounds.get(s.name)!.push({ measured: median(times[pair[0]!]!), baseline: median(times[pair[1]!]!) });
      }
    }
    return scenarios.map((s) =>
      figure(
        {
          part: PART,
          name: `${long.eventCount.toLocaleString("en-US")}-event lock: ${s.name}, median`,
          unit: "ms",
          baselineWhat: `median, lock of ${short!.eventCount} events`,
          goal,
          note: `${opts.requests} requests of each a round, interleaved; scale ${opts.seeded.scale}`,
        },
        rounds.get(s.name)!,
      ),
    );
  } finally {
    await api.stop();
  }
}
