// Search at scale: p95 of each kind of search against a primary-key read of a lock, on the same D1
// data (100,000 locks by default: the seed's, topped up with lock rows), requests interleaved so
// both see the same machine. Two subjects: the api's search function behind a bare Worker (what
// the queries cost) and `GET /admin/search` on the api (what a caller waits, auth included).
import { cpSync, mkdirSync } from "node:fs";
import path from "node:path";
import { startApi } from "./api-server.ts";
import { BenchClient } from "./bench-client.ts";
import { type Floor, startFloor } from "./bench-floor.ts";
import { BENCH_TMP, cloneState, type Seeded } from "./bench-state.ts";
import { type Figure, figure, percentile, type Round } from "./bench-stats.ts";

export type SearchOptions = {
  seeded: Seeded;
  /** Locks in D1 while searching; the seed's are topped up with lock rows to this many. */
  locks: number;
  rounds: number;
  requests: number;
  ports: { api: number; floor: number };
  log: (line: string) => void;
};

type Kind = { key: string; label: string; type?: string; terms: string[]; goal: boolean };
export type SearchPlans = {
  kind: string;
  q: string;
  type: string;
  statements: { segment: string; purpose: string; plan: string[] }[];
}[];

const PART = "search";

function kindsFor(uuids: string[], lockIds: number[]): Kind[] {
  return [
    {
      key: "exact-id",
      label: "exact lock id, type=lock",
      type: "lock",
      terms: lockIds.map(String),
      goal: true,
    },
    { key: "exact-id-all", label: "exact lock id, every type", terms: lockIds.map(String), goal: true },
    { key: "uuid", label: "exact lock UUID, type=lock", type: "lock", terms: uuids, goal: true },
    {
      key: "prefix",
      label: "name prefix, type=lock",
      type: "lock",
      terms: ["Front Do", "Garage · B", "Mailr", "Bike Shed · T", "Gate · S", "Office · R"],
      goal: true,
    },
    {
      key: "prefix-digits",
      label: "name prefix ending in digits, type=hub",
      type: "hub",
      terms: ["Hub 1", "Hub 42", "Hub 7"],
      goal: true,
    },
    {
      key: "contains",
      label: "contains (FTS5 trigram), type=lock",
      type: "lock",
      terms: ["arag", "door", "shed · ok", "ail"],
      goal: false,
    },
    { key: "listing", label: "listing, first page, every type", terms: [""], goal: false },
  ];
}

const query = (q: string, type: string | undefined) =>
  `q=${encodeURIComponent(q)}${type ? `&type=${type}` : ""}&limit=20`;

/** Adds lock rows (names as the seed makes them) until D1 holds `target` locks. */
async function topUp(floor: Floor, have: number, target: number, log: (line: string) => void) {
  if (have >= target) return;
  log(`search: adding ${target - have} lock rows to the seed's ${have}…`);
  for (let from = have; from < target; from += 5000) {
    await floor.call("POST", `/fill/locks?from=${1001 + from}&count=${Math.min(5000, target - from)}`);
  }
}

export async function benchSearch(
  opts: SearchOptions,
): Promise<{ figures: Figure[]; plans: SearchPlans; locks: number }> {
  const dir = path.join(BENCH_TMP, "search-api");
  const floorDir = path.join(BENCH_TMP, "search-floor");
  cloneState(opts.seeded.dir, dir);
  const seededLocks = opts.seeded.counts.locks ?? 0;
  if (seededLocks < opts.locks) {
    const filler = await startFloor(opts.ports.floor, dir);
    try {
      await topUp(filler, seededLocks, opts.locks, opts.log);
    } finally {
      await filler.stop();
    }
  }
  // The floor reads a copy of the same D1 database, so neither Worker waits on the other's file.
  mkdirSync(path.join(floorDir, "v3"), { recursive: true });
  cpSync(path.join(dir, "v3/d1"), path.join(floorDir, "v3/d1"), { recursive: true });

  const api = await startApi({
    seedScale: opts.seeded.scale,
    seed: false,
    port: opts.ports.api,
    stateDir: dir,
  });
  const floor = await startFloor(opts.ports.floor, floorDir);
  try {
    const client = await BenchClient.connect(api);
    const total = (await client.call<{ total: number }>("GET", "/admin/search?type=lock&limit=1")).body.total;
    if (total < opts.locks) throw new Error(`search: D1 holds ${total} locks, expected ${opts.locks}`);
    // Ids spread over the whole table, and their UUIDs.
    const lockIds = Array.from({ length: 40 }, (_, i) => 1001 + Math.floor(((i + 0.5) / 40) * opts.locks));
    const uuids: string[] = [];
    for (const id of lockIds.slice(0, 20)) {
      const { body } = await floor.call<{ item: { uuid: string } | null }>("GET", `/pk?lockId=${id}`);
      if (!body.item) throw new Error(`search: no lock ${id}`);
      uuids.push(body.item.uuid);
    }
    const kinds = kindsFor(uuids, lockIds);
    const plans: SearchPlans = [];
    for (const kind of kinds) {
      const q = kind.terms[0]!;
      const { body } = await floor.call<SearchPlans[number]["statements"]>(
        "GET",
        `/plans?${query(q, kind.type)}`,
      );
      plans.push({ kind: kind.label, q, type: kind.type ?? "", statements: body });
    }

    const perKind = new Map<string, { bare: Round[]; api: Round[] }>(
      kinds.map((k) => [k.key, { bare: [], api: [] }]),
    );
    for (let round = 0; round < opts.rounds; round++) {
      opts.log(`search: round ${round + 1} of ${opts.rounds}…`);
      for (const kind of kinds) {
        const pk: number[] = [];
        const bare: number[] = [];
        const full: number[] = [];
        for (let i = 0; i < opts.requests; i++) {
          const term = kind.terms[i % kind.terms.length]!;
          const id = lockIds[i % lockIds.length]!;
          pk.push((await floor.call("GET", `/pk?lockId=${id}`)).ms);
          bare.push((await floor.call("GET", `/search?${query(term, kind.type)}`)).ms);
          full.push((await client.call("GET", `/admin/search?${query(term, kind.type)}`)).ms);
        }
        const base = percentile(pk, 95);
        perKind.get(kind.key)!.bare.push({ measured: percentile(bare, 95), baseline: base });
        perKind.get(kind.key)!.api.push({ measured: percentile(full, 95), baseline: base });
      }
    }
    const figures: Figure[] = [];
    const goal = { text: "p95 ≤ 2× PK read", test: (r: number) => r <= 2 };
    for (const kind of kinds) {
      const rounds = perKind.get(kind.key)!;
      const common = { part: PART, unit: "ms", baselineWhat: "p95, PK read", goal: kind.goal ? goal : null };
      const at = `at ${opts.locks.toLocaleString("en-US")} locks`;
      figures.push(
        figure(
          {
            ...common,
            name: `${kind.label}: p95, search queries (bare Worker)`,
            note: `${opts.requests} requests a round, ${at}`,
          },
          rounds.bare,
        ),
        figure(
          {
            ...common,
            name: `${kind.label}: p95, GET /admin/search (api)`,
            note: `auth, middleware and HTTP of the api included; ${at}`,
          },
          rounds.api,
        ),
      );
    }
    return { figures, plans, locks: total };
  } finally {
    await Promise.all([api.stop(), floor.stop()]);
  }
}
