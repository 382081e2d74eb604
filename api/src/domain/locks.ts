import { type LockRef, parseLockRef } from "@cleanup/shared";
import { ApiError } from "../http/errors.ts";

export type LockRow = {
  lock_id: number;
  uuid: string;
  name: string;
  hub_id: string | null;
  created_at: string;
};

export async function findLock(db: D1Database, ref: LockRef): Promise<LockRow | null> {
  const statement =
    ref.kind === "number"
      ? db
          .prepare("SELECT lock_id, uuid, name, hub_id, created_at FROM locks WHERE lock_id = ?1")
          .bind(ref.lockId)
      : db
          .prepare("SELECT lock_id, uuid, name, hub_id, created_at FROM locks WHERE uuid = ?1")
          .bind(ref.uuid);
  return statement.first<LockRow>();
}

/**
 * The lock a validated `lockId` path parameter names, or a 404. A hub's UUID sent as a lock id
 * is a 404 that says so: an id of the wrong kind never reaches a deletion.
 */
export async function requireLock(db: D1Database, rawLockId: string): Promise<LockRow> {
  const ref = parseLockRef(rawLockId);
  const lock = await findLock(db, ref);
  if (lock) return lock;
  if (ref.kind === "uuid") {
    const hub = await db.prepare("SELECT id FROM hubs WHERE id = ?1").bind(ref.uuid).first();
    if (hub) throw ApiError.notFound(`No lock ${rawLockId}: that UUID is a hub, not a lock`);
  }
  throw ApiError.notFound(`No lock ${rawLockId}`);
}

export type LockRowCounts = { keyAssignments: number; tempKeys: number };

export async function lockRowCounts(db: D1Database, lockId: number): Promise<LockRowCounts> {
  const row = await db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM key_assignments WHERE lock_id = ?1) AS keyAssignments,
              (SELECT COUNT(*) FROM temp_keys WHERE lock_id = ?1) AS tempKeys`,
    )
    .bind(lockId)
    .first<LockRowCounts>();
  return row ?? { keyAssignments: 0, tempKeys: 0 };
}

export type KeyAssignmentRow = {
  id: string;
  userId: string;
  userEmail: string | null;
  role: string;
  createdAt: string;
};

/** The lock's key assignments with the holder's email (first 200). */
export async function lockKeyAssignments(db: D1Database, lockId: number): Promise<KeyAssignmentRow[]> {
  const { results } = await db
    .prepare(
      `SELECT k.id, k.user_id AS userId, u.email AS userEmail, k.role, k.created_at AS createdAt
       FROM key_assignments k LEFT JOIN users u ON u.id = k.user_id
       WHERE k.lock_id = ?1 ORDER BY k.created_at, k.id LIMIT 200`,
    )
    .bind(lockId)
    .all<KeyAssignmentRow>();
  return results;
}
