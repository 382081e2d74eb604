import type { DeletionMode, Plan, PlanWarning } from "@cleanup/shared";
import type { EventsSummary } from "../storage/event-store.ts";
import { buildAggregatePlan } from "./aggregate-plan.ts";
import type { LockRow, LockRowCounts } from "./locks.ts";

export type LockFacts = {
  lock: LockRow;
  events: EventsSummary;
  rows: LockRowCounts;
  /** Whether the `aggregates` registry lists this lock. */
  registered: boolean;
};

export type LockDeletionOptions = { mode: DeletionMode; cascadeDeleteKeys: boolean };

/** What a lock deletion with these options would delete and keep, itemised. Pure. */
export function buildLockPlan(
  facts: LockFacts,
  options: LockDeletionOptions,
  environment: string,
  now = Date.now(),
): Plan {
  const { lock, events, rows } = facts;
  const warnings: PlanWarning[] = [];
  if (!options.cascadeDeleteKeys && rows.keyAssignments > 0) {
    warnings.push({
      code: "ORPHANED_KEY_ASSIGNMENTS",
      message: `${rows.keyAssignments} key assignment(s) stay and will point at a lock that no longer exists`,
    });
  }
  return buildAggregatePlan({
    target: { type: "lock", id: String(lock.lock_id), label: `${lock.name} (#${lock.lock_id})` },
    environment,
    mode: options.mode,
    options: { mode: options.mode, cascadeDeleteKeys: options.cascadeDeleteKeys },
    events,
    doLabel: `Durable Object state of lock ${lock.uuid}`,
    rows: [
      { item: { kind: "d1-rows", table: "locks", label: `Lock row #${lock.lock_id}`, count: 1 }, goes: true },
      {
        item: { kind: "d1-rows", table: "temp_keys", label: "Temporary keys", count: rows.tempKeys },
        goes: true,
      },
      {
        item: {
          kind: "d1-rows",
          table: "key_assignments",
          label: options.cascadeDeleteKeys ? "Key assignments" : "Key assignments (left without their lock)",
          count: rows.keyAssignments,
        },
        goes: options.cascadeDeleteKeys,
      },
      {
        item: {
          kind: "d1-rows",
          table: "aggregates",
          label: "Aggregate registry entry",
          count: facts.registered ? 1 : 0,
        },
        goes: true,
      },
    ],
    warnings,
    fingerprint: {
      lockId: lock.lock_id,
      uuid: lock.uuid,
      name: lock.name,
      hubId: lock.hub_id,
      eventCount: events.eventCount,
      lastEventSeq: events.lastSeq,
      eventBytes: events.eventBytes,
      segmentCount: events.segmentCount,
      keyAssignments: rows.keyAssignments,
      tempKeys: rows.tempKeys,
    },
    now,
  });
}
