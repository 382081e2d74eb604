import type { DeletionMode } from "@cleanup/shared";
import { collectLockFacts } from "../domain/lock-facts.ts";
import { buildLockPlan } from "../domain/lock-plan.ts";
import { findLock, requireLock } from "../domain/locks.ts";
import type { AggregateRestore } from "./aggregate-restore.ts";
import { type AggregateRows, aggregateJob } from "./aggregate-steps.ts";
import type { DeletionTarget } from "./target.ts";

/** The lock's D1 rows a full deletion removes (key assignments only with cascadeDeleteKeys). */
const lockRows: AggregateRows = (db, job) => {
  const lockId = Number(job.target.id);
  const uuid = job.target.uuid;
  const tables = [
    { table: "locks", where: "lock_id = ?1", value: lockId },
    { table: "temp_keys", where: "lock_id = ?1", value: lockId },
    ...(job.params.options.cascadeDeleteKeys === true
      ? [{ table: "key_assignments", where: "lock_id = ?1", value: lockId }]
      : []),
    { table: "aggregates", where: "kind = 'lock' AND id = ?1", value: uuid },
  ];
  // Table names and conditions are the fixed ones above; the value is bound.
  return tables.map((t) => ({
    table: t.table,
    select: db.prepare(`SELECT * FROM ${t.table} WHERE ${t.where}`).bind(t.value),
    remove: db.prepare(`DELETE FROM ${t.table} WHERE ${t.where}`).bind(t.value),
  }));
};

/** Endpoint 3: `DELETE /admin/cleanup/locks/{lockId}?mode=&cascadeDeleteKeys=` (numeric id or UUID). */
export const lockTarget: DeletionTarget = {
  endpoint: "deleteLock",
  async prepare(c, params, query) {
    const mode = query.mode as DeletionMode;
    const cascadeDeleteKeys = query.cascadeDeleteKeys as boolean;
    const lock = await requireLock(c.env.DB, params.lockId!);
    const facts = await collectLockFacts(c.env, lock);
    return {
      target: {
        type: "lock",
        id: String(lock.lock_id),
        uuid: lock.uuid,
        label: `${lock.name} (#${lock.lock_id})`,
      },
      options: { mode, cascadeDeleteKeys, uuid: lock.uuid },
      // The published shape is the hub's plus lockId and cascadeDeleteKeys: hubId is the lock's hub.
      fields: { hubId: lock.hub_id, lockId: String(lock.lock_id), mode, cascadeDeleteKeys },
      plan: buildLockPlan(facts, { mode, cascadeDeleteKeys }, c.var.config.environment),
      existsSql: { sql: "SELECT 1 FROM locks WHERE lock_id = ?13", values: [lock.lock_id] },
    };
  },
  async currentPlan(env, job) {
    const lock = await findLock(env.DB, { kind: "number", lockId: Number(job.target.id) });
    if (!lock) return null;
    const { mode, cascadeDeleteKeys } = job.params.options;
    return buildLockPlan(
      await collectLockFacts(env, lock),
      { mode: mode as DeletionMode, cascadeDeleteKeys: cascadeDeleteKeys === true },
      job.params.environment,
    );
  },
  ...aggregateJob("lock", lockRows),
};

/**
 * Putting a lock back from its archive (issue 2.3): its row first, then its temporary keys, its key
 * assignments (those deleted with it: the header holds them only when cascading) and its registry
 * entry. A lock exists again when its numeric id or its UUID has a row.
 */
export const lockRestore: AggregateRestore = {
  kind: "lock",
  tables: ["locks", "temp_keys", "key_assignments", "aggregates"],
  target(header) {
    const row = header.rows.locks?.[0] as { lock_id: number; name: string } | undefined;
    const lockId = row?.lock_id ?? Number(header.targetId);
    return {
      type: "lock",
      id: String(lockId),
      uuid: header.uuid,
      label: `${row?.name ?? "lock"} (#${lockId})`,
    };
  },
  fields(header) {
    const row = header.rows.locks?.[0] as { lock_id: number; hub_id: string | null } | undefined;
    return { lockId: String(row?.lock_id ?? header.targetId), hubId: row?.hub_id ?? null };
  },
  existsSql: (target) => ({
    sql: "SELECT 1 FROM locks WHERE lock_id = ?1 OR uuid = ?2",
    values: [Number(target.id), target.uuid],
  }),
};
