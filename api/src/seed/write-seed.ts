import type { SeedWritten } from "@cleanup/shared";
import { reducerOf } from "../domain/reducers.ts";
import { insertRows } from "../lib/d1.ts";
import { forEachLimited } from "../lib/pool.ts";
import { upsertAggregate } from "../storage/aggregates-registry.ts";
import { writeHistory } from "../storage/state-snapshots.ts";
import type { SeedBatch } from "./demo-types.ts";

/** Parallel R2 writes at a time; enough to be quick without flooding a local workerd. */
const R2_CONCURRENCY = 16;
/** Statements per D1 `batch()` call: each holds at most 100 bound parameters. */
const D1_STATEMENTS_PER_CALL = 200;

/**
 * Writes the demo data batch by batch: a batch's event histories to R2 first (long ones as sealed
 * segments with state snapshots), then its D1 rows (including the `aggregates` registry), so a read
 * model only appears once its events exist. Inserts ignore rows that already exist (API keys survive
 * delete-all and are seeded again), so a repeated or concurrent seed of the same scale adds nothing.
 */
export async function writeSeed(env: Env, batches: Iterable<SeedBatch>): Promise<SeedWritten> {
  const started = Date.now();
  const written: SeedWritten = { d1Rows: 0, r2Objects: 0, events: 0, bytes: 0, batches: 0, ms: 0 };
  for (const batch of batches) {
    const registry: D1PreparedStatement[] = [];
    await forEachLimited(batch.aggregates, R2_CONCURRENCY, async (aggregate) => {
      const { summary } = await writeHistory(
        env.EVENTS,
        aggregate.kind,
        aggregate.id,
        aggregate.events,
        reducerOf(aggregate.kind),
      );
      registry.push(upsertAggregate(env.DB, aggregate.kind, aggregate.id, summary, aggregate.createdAt));
      written.r2Objects += summary.segmentCount;
      written.events += summary.eventCount;
      written.bytes += summary.eventBytes;
    });
    const statements = [
      ...batch.tables.flatMap((t) => insertRows(env.DB, t.table, t.columns, t.rows)),
      ...registry,
    ];
    for (let i = 0; i < statements.length; i += D1_STATEMENTS_PER_CALL) {
      await env.DB.batch(statements.slice(i, i + D1_STATEMENTS_PER_CALL));
    }
    written.d1Rows += batch.tables.reduce((n, t) => n + t.rows.length, 0) + registry.length;
    written.batches++;
  }
  written.ms = Date.now() - started;
  return written;
}
