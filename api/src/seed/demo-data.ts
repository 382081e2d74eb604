import { demoDevices } from "./demo-devices.ts";
import { demoOrganizations, demoUsers } from "./demo-people.ts";
import { demoProjects } from "./demo-projects.ts";
import { type DemoData, MINUTE, type SeedBatch, type SeedContext, type TableRows } from "./demo-types.ts";
import { Prng } from "./prng.ts";

const SEED = 20_260_101;

function contextOf(scale: number, nowMs: number): SeedContext {
  const now = Math.floor(nowMs / MINUTE) * MINUTE;
  return {
    scale,
    n: (base) => Math.max(1, Math.round(base * scale)),
    now,
    ago: (ms) => new Date(now - ms).toISOString(),
  };
}

/**
 * The deterministic demo data set, in batches small enough to write one at a time at any scale
 * (SEED_SCALE 1000: about 80,000 locks): the same ids, names, counts and histories for a given
 * scale. Times are relative to `now` (floored to the minute) so the data looks current: a
 * "recent activity" warning stays meaningful whenever the environment was seeded.
 *
 * @example
 * for (const batch of demoBatches(1, Date.now())) await write(batch); // ~80 locks, 3 with 2,000-5,000 events
 */
export function* demoBatches(scale: number, nowMs: number): Generator<SeedBatch> {
  const ctx = contextOf(scale, nowMs);
  // Each part draws from its own stream, so growing one part does not reshuffle the others.
  const people = demoUsers(new Prng(SEED), ctx);
  yield {
    tables: [
      people.table,
      ...demoOrganizations(new Prng(SEED + 2), ctx),
      ...demoProjects(new Prng(SEED + 3), ctx),
    ],
    aggregates: [],
  };
  yield* demoDevices(new Prng(SEED + 1), ctx, people.users);
}

/** Every batch of a scale in one data set (small scales: tests). */
export function demoData(scale: number, nowMs: number): DemoData {
  const tables = new Map<string, TableRows>();
  const data: DemoData = { tables: [], aggregates: [] };
  for (const batch of demoBatches(scale, nowMs)) {
    for (const t of batch.tables) {
      const into = tables.get(t.table);
      if (into) into.rows.push(...t.rows);
      else {
        const copy = { ...t, rows: [...t.rows] };
        tables.set(t.table, copy);
        data.tables.push(copy);
      }
    }
    data.aggregates.push(...batch.aggregates);
  }
  return data;
}
