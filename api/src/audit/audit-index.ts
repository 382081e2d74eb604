import type { AuditListQuery, AuditSummary } from "@cleanup/shared";
import type { AuditIndexRow } from "./record.ts";

export function toSummary(row: AuditIndexRow): AuditSummary {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    environment: row.environment,
    action: row.action as AuditSummary["action"],
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome as AuditSummary["outcome"],
    reason: row.reason,
    requestId: row.request_id,
    path: row.path,
  };
}

/** Normalises an ISO time so it compares correctly with the stored `toISOString()` values. */
const iso = (s: string | undefined) => (s === undefined ? null : new Date(s).toISOString());

/**
 * One page of the audit index, newest first; `cursor` is the `seq` to continue below.
 *
 * @example
 * const { items, nextCursor } = await listAudit(env.DB, { outcome: "refused", limit: 50 });
 */
export async function listAudit(
  db: D1Database,
  query: AuditListQuery & { cursorSeq: number | null },
): Promise<{ items: AuditSummary[]; nextCursor: string | null }> {
  const { results } = await db
    .prepare(
      `SELECT * FROM audit_index
       WHERE (?1 IS NULL OR actor = ?1) AND (?2 IS NULL OR target_type = ?2) AND (?3 IS NULL OR target_id = ?3)
         AND (?4 IS NULL OR action = ?4) AND (?5 IS NULL OR outcome = ?5)
         AND (?6 IS NULL OR at >= ?6) AND (?7 IS NULL OR at <= ?7) AND (?8 IS NULL OR seq < ?8)
       ORDER BY seq DESC LIMIT ?9`,
    )
    .bind(
      query.actor ?? null,
      query.targetType ?? null,
      query.targetId ?? null,
      query.action ?? null,
      query.outcome ?? null,
      iso(query.from),
      iso(query.to),
      query.cursorSeq,
      query.limit + 1,
    )
    .all<AuditIndexRow>();
  const page = results.slice(0, query.limit);
  const more = results.length > query.limit;
  return { items: page.map(toSummary), nextCursor: more ? String(page[page.length - 1]!.seq) : null };
}

export async function findAuditRow(db: D1Database, id: string): Promise<AuditIndexRow | null> {
  return db.prepare("SELECT * FROM audit_index WHERE id = ?1").bind(id).first<AuditIndexRow>();
}
