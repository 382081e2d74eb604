import type { StoredEvent } from "../storage/event-store.ts";

/** One table's rows in column order, ready for a multi-row INSERT. */
export type TableRows = { table: string; columns: readonly string[]; rows: unknown[][] };

export type DemoAggregate = { kind: "lock" | "hub"; id: string; createdAt: string; events: StoredEvent[] };

/** Everything the seed writes: D1 rows and the R2 event histories of the aggregates. */
export type DemoData = { tables: TableRows[]; aggregates: DemoAggregate[] };

/** Helpers the generators share: the scaled counts and times relative to "now". */
export type SeedContext = {
  /** `base` scaled by SEED_SCALE, at least 1. */
  n: (base: number) => number;
  now: number;
  /** ISO time `ms` before now. */
  ago: (ms: number) => string;
};

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
