// What every part of `npm run bench` shares: the scale, rounds, ports and the seeded states.
import { type Seeded, seededState } from "./bench-state.ts";

export type BenchPorts = {
  api: number;
  bff: number;
  idp: number;
  floor: number;
  proxy: number;
  static: number;
};

export type BenchContext = {
  quick: boolean;
  /** SEED_SCALE of the large runs (delete-all's larger scale, search, history). */
  scale: number;
  /** Rounds of every figure (≥ 3). */
  rounds: number;
  /** Locks in D1 for the search part. */
  searchLocks: number;
  ports: BenchPorts;
  log: (line: string) => void;
  /** A seeded state dir at `scale` (seeded once per run, then cloned by each part). */
  seeded: (scale: number) => Promise<Seeded>;
};

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/**
 * The bench's settings from the environment: SEED_SCALE (1–1000, default 100; 10 in quick mode),
 * BENCH_QUICK=1 (fewer requests, smaller scales), BENCH_ROUNDS (≥ 3), BENCH_SEARCH_LOCKS (default
 * 100,000; 10,000 quick), and BENCH_{API,BFF,IDP,FLOOR,PROXY,STATIC}_PORT.
 */
export function benchContext(quickFlag: boolean): BenchContext {
  const quick = quickFlag || process.env.BENCH_QUICK === "1";
  const scale = Number(process.env.SEED_SCALE ?? (quick ? 10 : 100));
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000) {
    throw new Error(`SEED_SCALE must be a whole number from 1 to 1000 (got ${process.env.SEED_SCALE})`);
  }
  const rounds = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
  const ports: BenchPorts = {
    api: port("BENCH_API_PORT", 48787),
    bff: port("BENCH_BFF_PORT", 48080),
    idp: port("BENCH_IDP_PORT", 48789),
    floor: port("BENCH_FLOOR_PORT", 48791),
    proxy: port("BENCH_PROXY_PORT", 48792),
    static: port("BENCH_STATIC_PORT", 48793),
  };
  const log = (line: string) => console.log(`[bench] ${line}`);
  return {
    quick,
    scale,
    rounds,
    searchLocks: Number(process.env.BENCH_SEARCH_LOCKS ?? (quick ? 10_000 : 100_000)),
    ports,
    log,
    seeded: (s) => seededState(s, ports.api, { warmShare: 0.02, log }),
  };
}
