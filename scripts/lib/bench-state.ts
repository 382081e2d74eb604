// Local state for the bench: a seeded environment is written once per scale and cloned for every
// round that destroys it (delete-all), so rounds cost a copy, not a seed.
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { SeedWritten } from "../../shared/src/service.ts";
import { type ApiServer, devToken, startApi } from "./api-server.ts";

/** Where a run keeps its states (BENCH_TMP_DIR, else a per-process dir in the system's tmp). */
export const BENCH_TMP = process.env.BENCH_TMP_DIR
  ? path.resolve(process.env.BENCH_TMP_DIR, String(process.pid))
  : path.join(os.tmpdir(), `cleanup-bench-${process.pid}`);

/**
 * Copies a stopped workerd state dir. R2 blobs are immutable files (a delete unlinks them), so they
 * are hard-linked; everything else (SQLite files) is copied.
 */
export function cloneState(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  const walk = (src: string, dst: string, inBlobs: boolean) => {
    mkdirSync(dst, { recursive: true });
    for (const entry of readdirSync(src, { withFileTypes: true })) {
      const s = path.join(src, entry.name);
      const d = path.join(dst, entry.name);
      if (entry.isDirectory()) walk(s, d, inBlobs || entry.name === "blobs");
      else if (entry.isFile()) (inBlobs ? linkSync : copyFileSync)(s, d);
    }
  };
  walk(from, to, false);
}

/** Disk use of a directory, in bytes. */
export function diskBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? diskBytes(p) : statSync(p).size;
  }
  return total;
}

export type Seeded = {
  scale: number;
  /** A stopped, seeded state dir: clone it, never run an api on it. */
  dir: string;
  written: SeedWritten;
  counts: Record<string, number>;
  /** Wall time of the seed request. */
  seedMs: number;
  /** Locks whose DO state was materialised (read once) before the snapshot. */
  warmLocks: number;
};

const seededCache = new Map<number, Seeded>();

/**
 * A request that may take many minutes (a seed at scale 1000, a delete-all): node:http, because
 * fetch gives up on a response whose headers take over 300 s.
 */
export function longRequest(
  method: string,
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Calls `POST /admin/dev/seed` and times it. */
export async function seedNow(
  api: ApiServer,
): Promise<{ ms: number; written: SeedWritten; counts: Record<string, number> }> {
  const token = await devToken(api.url, api.devPassword);
  const started = performance.now();
  const res = await longRequest("POST", `${api.url}/admin/dev/seed`, {
    Authorization: `Bearer ${token}`,
    "X-Admin-API-Key": api.adminKey,
  });
  const ms = performance.now() - started;
  const body = JSON.parse(res.text) as {
    seeded: boolean;
    written?: SeedWritten;
    counts: Record<string, number>;
  };
  if (res.status !== 200 || !body.seeded || !body.written)
    throw new Error(`seed: ${res.status} ${res.text.slice(0, 300)}`);
  return { ms, written: body.written, counts: body.counts };
}

/**
 * A seeded environment at `scale`, written once per bench run (then cloned). `warmShare` of the
 * locks are read once first, so their Durable Objects hold state, as in an environment in use.
 */
export async function seededState(
  scale: number,
  port: number,
  opts: { warmShare?: number; log: (line: string) => void },
): Promise<Seeded> {
  const cached = seededCache.get(scale);
  if (cached) return cached;
  const dir = path.join(BENCH_TMP, `seeded-${scale}`);
  rmSync(dir, { recursive: true, force: true });
  const api = await startApi({ seedScale: scale, seed: false, port, stateDir: dir });
  try {
    opts.log(`seeding scale ${scale}…`);
    const { ms, written, counts } = await seedNow(api);
    opts.log(
      `scale ${scale}: ${written.d1Rows} D1 rows, ${written.r2Objects} R2 objects, ${written.events} events in ${Math.round(ms / 1000)} s`,
    );
    const warmLocks = Math.ceil((counts.locks ?? 0) * (opts.warmShare ?? 0));
    if (warmLocks > 0) await warm(api, warmLocks);
    const seeded: Seeded = { scale, dir, written, counts, seedMs: ms, warmLocks };
    seededCache.set(scale, seeded);
    return seeded;
  } finally {
    await api.stop();
  }
}

/** Reads the first `count` locks (ids from 1001), so their Durable Objects hold state. */
async function warm(api: ApiServer, count: number) {
  const token = await devToken(api.url, api.devPassword);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const id = 1001 + next++;
        const res = await fetch(`${api.url}/admin/locks/${id}`, {
          headers: { Authorization: `Bearer ${token}`, "X-Admin-API-Key": api.adminKey },
        });
        if (!res.ok) throw new Error(`warming lock ${id}: ${res.status}`);
        await res.arrayBuffer();
      }
    }),
  );
}

export function cleanBenchTmp(): void {
  rmSync(BENCH_TMP, { recursive: true, force: true });
}
