import { insertRows } from "../lib/d1.ts";
import { forEachLimited } from "../lib/pool.ts";
import { upsertAggregate } from "../storage/aggregates-registry.ts";
import { chunkEvents, summarizeSegments, writeSegment } from "../storage/event-store.ts";
import type { DemoAggregate, DemoData } from "./demo-types.ts";

/** Parallel R2 writes at a time; enough to be quick without flooding a local workerd. */
const R2_CONCURRENCY = 8;

async function writeHistory(bucket: R2Bucket, aggregate: DemoAggregate) {
  const segments = [];
  for (const [index, chunk] of chunkEvents(aggregate.events).entries()) {
    segments.push(await writeSegment(bucket, aggregate.kind, aggregate.id, index, chunk));
  }
  return summarizeSegments(segments);
}

/**
 * Writes the demo data: event histories to R2 first, then every D1 row (including the
 * `aggregates` registry) in one `batch()`, so the read models only appear once their events exist.
 * Inserts ignore rows that already exist (API keys survive delete-all and are seeded again).
 */
export async function writeSeed(env: Env, data: DemoData): Promise<void> {
  const registry: D1PreparedStatement[] = [];
  await forEachLimited(data.aggregates, R2_CONCURRENCY, async (aggregate) => {
    const summary = await writeHistory(env.EVENTS, aggregate);
    registry.push(upsertAggregate(env.DB, aggregate.kind, aggregate.id, summary, aggregate.createdAt));
  });
  const rows = data.tables.flatMap((t) => insertRows(env.DB, t.table, t.columns, t.rows));
  await env.DB.batch([...rows, ...registry]);
}
