import type { SystemEvent, SystemEventListResponse } from "@cleanup/shared";

type Row = { id: string; type: string; at: string; data: string; received_at: string };

/** Records events in one batch; an event already recorded (a redelivery) is left as it was. */
export async function recordSystemEvents(db: D1Database, events: SystemEvent[]): Promise<void> {
  if (events.length === 0) return;
  const receivedAt = new Date().toISOString();
  const insert = db.prepare(
    "INSERT OR IGNORE INTO system_events (id, type, at, data, received_at) VALUES (?1, ?2, ?3, ?4, ?5)",
  );
  await db.batch(events.map((e) => insert.bind(e.id, e.type, e.at, JSON.stringify(e.data), receivedAt)));
}

/** The most recent events first. */
export async function listSystemEvents(db: D1Database, limit: number): Promise<SystemEventListResponse> {
  const { results } = await db
    .prepare("SELECT id, type, at, data, received_at FROM system_events ORDER BY at DESC, id LIMIT ?1")
    .bind(limit)
    .all<Row>();
  return {
    items: results.map((r) => ({
      id: r.id,
      type: r.type,
      at: r.at,
      data: JSON.parse(r.data) as Record<string, unknown>,
      receivedAt: r.received_at,
    })),
  };
}
