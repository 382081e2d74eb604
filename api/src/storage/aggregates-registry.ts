import type { AnyAggregate } from "../durable-objects/event-sourced-aggregate.ts";
import type { AggregateKind, EventsSummary } from "./event-store.ts";

/**
 * The `aggregates` table: every Durable Object instance that holds an aggregate.
 * A DO namespace cannot be listed, so delete-all and the environment counts read this.
 */
export type AggregateRow = {
  kind: AggregateKind;
  id: string;
  event_count: number;
  event_bytes: number;
  segment_count: number;
  last_event_at: string | null;
  created_at: string;
  /** 1 when the DO instance may hold stored state (delete-all deletes only those). */
  has_state: number;
};

/** Registers an aggregate's event facts; `holdsState` also marks its DO as holding state. */
export function upsertAggregate(
  db: D1Database,
  kind: AggregateKind,
  id: string,
  summary: EventsSummary,
  now: string,
  { holdsState = false }: { holdsState?: boolean } = {},
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO aggregates (kind, id, event_count, event_bytes, segment_count, last_event_at, created_at, has_state)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
       ON CONFLICT (kind, id) DO UPDATE SET event_count = ?3, event_bytes = ?4, segment_count = ?5,
         last_event_at = ?6, has_state = MAX(has_state, ?8)`,
    )
    .bind(
      kind,
      id,
      summary.eventCount,
      summary.eventBytes,
      summary.segmentCount,
      summary.lastEventAt,
      now,
      holdsState ? 1 : 0,
    );
}

/** Before a DO writes state: the registry says it holds some (a no-op for an unregistered one). */
export function markStateHeld(db: D1Database, kind: AggregateKind, id: string): D1PreparedStatement {
  return db
    .prepare("UPDATE aggregates SET has_state = 1 WHERE kind = ?1 AND id = ?2 AND has_state = 0")
    .bind(kind, id);
}

/** After a DO's state was deleted. */
export function markStateReleased(db: D1Database, kind: AggregateKind, id: string): D1PreparedStatement {
  return db
    .prepare("UPDATE aggregates SET has_state = 0 WHERE kind = ?1 AND id = ?2 AND has_state = 1")
    .bind(kind, id);
}

export function deleteAggregateRow(db: D1Database, kind: AggregateKind, id: string): D1PreparedStatement {
  return db.prepare("DELETE FROM aggregates WHERE kind = ?1 AND id = ?2").bind(kind, id);
}

/** The DO instance that holds an aggregate: one per UUID, named by it. */
export function aggregateStub(env: Env, kind: AggregateKind, id: string) {
  const namespace = kind === "lock" ? env.LOCKS : env.HUBS;
  return namespace.get(namespace.idFromName(id)) as DurableObjectStub<AnyAggregate>;
}

export const lockStub = (env: Env, uuid: string) => env.LOCKS.get(env.LOCKS.idFromName(uuid));
export const hubStub = (env: Env, uuid: string) => env.HUBS.get(env.HUBS.idFromName(uuid));
