import type { DeletionMode, Plan } from "@cleanup/shared";
import { ApiError } from "../http/errors.ts";
import { type EventsSummary, listSegments, summarizeSegments } from "../storage/event-store.ts";
import { buildAggregatePlan } from "./aggregate-plan.ts";

export type HubRow = { id: string; name: string; created_at: string };

/**
 * The hub a validated (lower-cased) UUID names, or a 404. A lock's UUID sent as a hub id is a
 * 404 that says so: an id of the wrong kind never reaches a deletion.
 */
export async function requireHub(db: D1Database, hubId: string): Promise<HubRow> {
  const hub = await db
    .prepare("SELECT id, name, created_at FROM hubs WHERE id = ?1")
    .bind(hubId)
    .first<HubRow>();
  if (hub) return hub;
  const lock = await db.prepare("SELECT lock_id FROM locks WHERE uuid = ?1").bind(hubId).first();
  if (lock) throw ApiError.notFound(`No hub ${hubId}: that UUID is a lock, not a hub`);
  throw ApiError.notFound(`No hub ${hubId}`);
}

export type HubFacts = { hub: HubRow; events: EventsSummary; pairedLocks: number; registered: boolean };

export async function collectHubFacts(env: Env, hub: HubRow): Promise<HubFacts> {
  const [segments, locks, registered] = await Promise.all([
    listSegments(env.EVENTS, "hub", hub.id),
    env.DB.prepare("SELECT COUNT(*) AS n FROM locks WHERE hub_id = ?1").bind(hub.id).first<{ n: number }>(),
    env.DB.prepare("SELECT 1 AS yes FROM aggregates WHERE kind = 'hub' AND id = ?1").bind(hub.id).first(),
  ]);
  return {
    hub,
    events: summarizeSegments(segments),
    pairedLocks: locks?.n ?? 0,
    registered: registered !== null,
  };
}

/** What a hub deletion would delete and keep. Paired locks are separate aggregates: they stay. */
export function buildHubPlan(
  facts: HubFacts,
  mode: DeletionMode,
  environment: string,
  now = Date.now(),
): Plan {
  const { hub, events } = facts;
  return buildAggregatePlan({
    target: { type: "hub", id: hub.id, label: hub.name },
    environment,
    mode,
    options: { mode },
    events,
    doLabel: `Durable Object state of hub ${hub.id}`,
    rows: [
      { item: { kind: "d1-rows", table: "hubs", label: "Hub row", count: 1 }, goes: true },
      {
        item: {
          kind: "d1-rows",
          table: "aggregates",
          label: "Aggregate registry entry",
          count: facts.registered ? 1 : 0,
        },
        goes: true,
      },
      {
        item: {
          kind: "d1-rows",
          table: "locks",
          label: "Paired locks (kept, with their own events)",
          count: facts.pairedLocks,
        },
        goes: false,
      },
    ],
    warnings: [],
    fingerprint: {
      hubId: hub.id,
      name: hub.name,
      eventCount: events.eventCount,
      lastEventSeq: events.lastSeq,
      eventBytes: events.eventBytes,
      segmentCount: events.segmentCount,
      pairedLocks: facts.pairedLocks,
    },
    now,
  });
}
