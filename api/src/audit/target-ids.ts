import { LockIdParam, parseLockRef, Uuid } from "@cleanup/shared";

export type CanonicalTarget = { targetId: string; targetAlias: string | null };

const isUuid = (s: string) => Uuid.safeParse(s).success;

/** The lock's UUID: from its row, or (once it is deleted) from an earlier record's alias. */
async function lockUuid(db: D1Database, lockId: number): Promise<string | null> {
  const lock = await db
    .prepare("SELECT uuid FROM locks WHERE lock_id = ?1")
    .bind(lockId)
    .first<{ uuid: string }>();
  if (lock) return lock.uuid;
  const filed = await db
    .prepare(
      "SELECT target_alias FROM audit_index WHERE target_type = 'lock' AND target_id = ?1 AND target_alias IS NOT NULL LIMIT 1",
    )
    .bind(String(lockId))
    .first<{ target_alias: string }>();
  return filed?.target_alias ?? null;
}

/** The lock's numeric id: from its row, or (once it is deleted) from an earlier record filed under it. */
async function lockNumber(db: D1Database, uuid: string): Promise<string | null> {
  const lock = await db
    .prepare("SELECT lock_id FROM locks WHERE uuid = ?1")
    .bind(uuid)
    .first<{ lock_id: number }>();
  if (lock) return String(lock.lock_id);
  const filed = await db
    .prepare("SELECT target_id FROM audit_index WHERE target_alias = ?1 AND target_type = 'lock' LIMIT 1")
    .bind(uuid)
    .first<{ target_id: string }>();
  return filed?.target_id ?? null;
}

/**
 * The id a record is filed under, whichever form the request used: a lock under its numeric id
 * (its UUID kept as the alias), a hub under its lower-case UUID. A lock UUID that no lock ever had
 * stays as sent (lower-cased); anything that is not an id of its kind stays as sent.
 *
 * @example
 * await canonicalTarget(env.DB, "lock", "6F1C…") // { targetId: "1042", targetAlias: "6f1c…" }
 */
export async function canonicalTarget(
  db: D1Database,
  targetType: string,
  targetId: string,
  targetAlias: string | null = null,
): Promise<CanonicalTarget> {
  if (targetType === "hub" && isUuid(targetId)) return { targetId: targetId.toLowerCase(), targetAlias };
  if (targetType !== "lock" || !LockIdParam.safeParse(targetId).success) return { targetId, targetAlias };
  const ref = parseLockRef(targetId);
  if (ref.kind === "number") {
    return { targetId: String(ref.lockId), targetAlias: targetAlias ?? (await lockUuid(db, ref.lockId)) };
  }
  const number = await lockNumber(db, ref.uuid);
  return number ? { targetId: number, targetAlias: ref.uuid } : { targetId: ref.uuid, targetAlias };
}

/**
 * Every target id a `targetId=` filter stands for: as given, a UUID lower-cased, and a lock's
 * other id (numeric for a UUID, UUID for a number), so records filed under either form are found.
 */
export async function targetIdsFor(db: D1Database, given: string): Promise<string[]> {
  const ids = new Set([given]);
  if (isUuid(given)) {
    const uuid = given.toLowerCase();
    ids.add(uuid);
    const number = await lockNumber(db, uuid);
    if (number) ids.add(number);
  } else if (LockIdParam.safeParse(given).success) {
    const ref = parseLockRef(given);
    if (ref.kind === "number") {
      ids.add(String(ref.lockId));
      const uuid = await lockUuid(db, ref.lockId);
      if (uuid) ids.add(uuid);
    }
  }
  return [...ids];
}
