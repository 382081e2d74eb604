import { listSegments, summarizeSegments } from "../storage/event-store.ts";
import type { LockFacts } from "./lock-plan.ts";
import { type LockRow, lockRowCounts } from "./locks.ts";

/** The current facts a lock's plan is built from: R2 listing (no bodies read) and D1 counts. */
export async function collectLockFacts(env: Env, lock: LockRow): Promise<LockFacts> {
  const [segments, rows, registered] = await Promise.all([
    listSegments(env.EVENTS, "lock", lock.uuid),
    lockRowCounts(env.DB, lock.lock_id),
    env.DB.prepare("SELECT 1 AS yes FROM aggregates WHERE kind = 'lock' AND id = ?1").bind(lock.uuid).first(),
  ]);
  return { lock, events: summarizeSegments(segments), rows, registered: registered !== null };
}
