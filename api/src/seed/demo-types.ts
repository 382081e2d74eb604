import type { StoredEvent } from "../storage/event-store.ts";

/** One table's rows in column order, ready for a multi-row INSERT. */
export type TableRows = { table: string; columns: readonly string[]; rows: unknown[][] };

export type DemoAggregate = { kind: "lock" | "hub"; id: string; createdAt: string; events: StoredEvent[] };

/** Part of the demo data, written together: D1 rows and the R2 event histories of aggregates. */
export type SeedBatch = { tables: TableRows[]; aggregates: DemoAggregate[] };
/** Everything the seed writes (all batches of a scale). */
export type DemoData = SeedBatch;

/** Helpers the generators share: the scaled counts and times relative to "now". */
export type SeedContext = {
  scale: number;
  /** `base` scaled by SEED_SCALE, at least 1. */
  n: (base: number) => number;
  now: number;
  /** ISO time `ms` before now. */
  ago: (ms: number) => string;
};

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
