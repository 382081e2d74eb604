import type { ArchiveItem, ArchiveListQuery } from "@cleanup/shared";
import { ARCHIVE_PREFIX } from "./archive.ts";
import type { AggregateKind } from "./event-store.ts";

/** A row of D1 `archives`: every object under `archives/` has one. */
export type ArchiveRow = {
  id: string;
  job_id: string | null;
  target_type: AggregateKind;
  target_id: string;
  target_uuid: string | null;
  path: string;
  status: "writing" | "verified";
  events: number | null;
  last_seq: number | null;
  bytes: number | null;
  sha256: string | null;
  created_at: string;
  verified_at: string | null;
  /** The restore job that wrote it back (issue 2.3): an archive restores once. */
  restored_by_job?: string | null;
  restored_at?: string | null;
};

export function toArchiveItem(row: ArchiveRow): ArchiveItem {
  return {
    id: row.id,
    targetType: row.target_type,
    targetId: row.target_id,
    targetUuid: row.target_uuid,
    path: row.path,
    events: row.events,
    bytes: row.bytes,
    sha256: row.sha256,
    createdAt: row.created_at,
    jobId: row.job_id,
    status: row.status,
    restoredByJob: row.restored_by_job ?? null,
    restoredAt: row.restored_at ?? null,
    restorable: row.status === "verified" && row.job_id !== null && !row.restored_by_job,
  };
}

/** Registers an archive before its object is written (`writing`); a second call is a no-op. */
export function registerArchive(
  db: D1Database,
  row: Pick<
    ArchiveRow,
    "id" | "job_id" | "target_type" | "target_id" | "target_uuid" | "path" | "created_at"
  >,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO archives (id, job_id, target_type, target_id, target_uuid, path, status, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'writing', ?7) ON CONFLICT DO NOTHING`,
    )
    .bind(row.id, row.job_id, row.target_type, row.target_id, row.target_uuid, row.path, row.created_at);
}

export function markArchiveVerified(
  db: D1Database,
  id: string,
  facts: { events: number; lastSeq: number; bytes: number; sha256: string },
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE archives SET status = 'verified', events = ?2, last_seq = ?3, bytes = ?4, sha256 = ?5,
         verified_at = ?6 WHERE id = ?1`,
    )
    .bind(id, facts.events, facts.lastSeq, facts.bytes, facts.sha256, new Date().toISOString());
}

export async function findArchiveOfJob(db: D1Database, jobId: string): Promise<ArchiveRow | null> {
  return db.prepare("SELECT * FROM archives WHERE job_id = ?1").bind(jobId).first<ArchiveRow>();
}

/**
 * The verified archive a new deletion of this target must finish from instead of writing its own:
 * the newest one whose job failed after a destructive step (the target is part-deleted), or —
 * for a target part-deleted by code older than jobs — one that holds more events than R2 still
 * does, up to the last one R2 holds.
 */
export async function findArchiveToFinishFrom(
  db: D1Database,
  target: { type: AggregateKind; id: string; uuid: string },
  r2: { events: number; lastSeq: number },
): Promise<ArchiveRow | null> {
  return db
    .prepare(
      `SELECT a.* FROM archives a LEFT JOIN jobs j ON j.job_id = a.job_id
       WHERE a.target_type = ?1 AND (a.target_id = ?2 OR a.target_uuid = ?3) AND a.status = 'verified'
         AND ((j.status = 'failed' AND j.partial = 1) OR (a.events > ?4 AND a.last_seq >= ?5))
       ORDER BY a.created_at DESC LIMIT 1`,
    )
    .bind(target.type, target.id, target.uuid, r2.events, r2.lastSeq)
    .first<ArchiveRow>();
}

export async function findArchiveById(db: D1Database, id: string): Promise<ArchiveRow | null> {
  return db.prepare("SELECT * FROM archives WHERE id = ?1").bind(id).first<ArchiveRow>();
}

/**
 * Registers the archives written before this table existed (`archives/{kind}/{uuid}/{time}-{req}.ndjson`,
 * verified when written; their metadata holds the counts and checksum), once: a marker row says it
 * ran. Every later archive is registered before it is written, so none can be missed after this.
 */
export async function registerLegacyArchives(db: D1Database, bucket: R2Bucket): Promise<void> {
  const done = await db.prepare("SELECT 1 AS yes FROM archive_backfill WHERE id = 1").first();
  if (done) return;
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: ARCHIVE_PREFIX, cursor, include: ["customMetadata"] });
    const statements = page.objects.map((o) => {
      const [, kind, uuid] = o.key.split("/");
      const meta = o.customMetadata ?? {};
      return db
        .prepare(
          `INSERT INTO archives (id, job_id, target_type, target_id, target_uuid, path, status, events,
             last_seq, bytes, sha256, created_at, verified_at)
           VALUES (?1, ?2, ?3, ?4, ?4, ?5, 'verified', ?6, ?7, ?8, ?9, ?10, ?10)
           ON CONFLICT (path) DO NOTHING`,
        )
        .bind(
          crypto.randomUUID(),
          meta.jobId ?? null,
          kind === "hub" ? "hub" : "lock",
          uuid ?? o.key,
          o.key,
          meta.eventCount === undefined ? null : Number(meta.eventCount),
          meta.lastSeq === undefined ? null : Number(meta.lastSeq),
          o.size,
          meta.sha256 ?? null,
          o.uploaded.toISOString(),
        );
    });
    if (statements.length > 0) await db.batch(statements);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  await db
    .prepare("INSERT OR IGNORE INTO archive_backfill (id, done_at) VALUES (1, ?1)")
    .bind(new Date().toISOString())
    .run();
}

/** Archives, newest first; a lock is found by its numeric id or its UUID. */
export async function listArchives(db: D1Database, query: ArchiveListQuery): Promise<ArchiveItem[]> {
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (query.targetType) {
    values.push(query.targetType);
    conditions.push(`target_type = ?${values.length}`);
  }
  if (query.targetId) {
    values.push(query.targetId, query.targetId.toLowerCase());
    conditions.push(`(target_id = ?${values.length - 1} OR target_uuid = ?${values.length})`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
  const { results } = await db
    .prepare(`SELECT * FROM archives ${where} ORDER BY created_at DESC, id LIMIT 1000`)
    .bind(...values)
    .all<ArchiveRow>();
  return results.map(toArchiveItem);
}

/** How many archives there are and their bytes (delete-all keeps them). */
export async function archiveTotals(db: D1Database): Promise<{ objects: number; bytes: number }> {
  const row = await db
    .prepare("SELECT COUNT(*) AS objects, COALESCE(SUM(bytes), 0) AS bytes FROM archives")
    .first<{ objects: number; bytes: number }>();
  return row ?? { objects: 0, bytes: 0 };
}
