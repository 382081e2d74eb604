import type { AuditListQuery, AuditSummary } from "@cleanup/shared";
import type { StoredIndexRow } from "./record.ts";
import { targetIdsFor } from "./target-ids.ts";

/** The options column back to an object; absent for rows indexed before it existed. */
function optionsOf(row: StoredIndexRow): AuditSummary["options"] {
  if (!row.options) return undefined;
  try {
    const parsed: unknown = JSON.parse(row.options);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function toSummary(row: StoredIndexRow): AuditSummary {
  const options = optionsOf(row);
  return {
    id: row.id,
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    environment: row.environment,
    action: row.action as AuditSummary["action"],
    targetType: row.target_type,
    targetId: row.target_id,
    targetAlias: row.target_alias,
    outcome: row.outcome as AuditSummary["outcome"],
    reason: row.reason,
    requestId: row.request_id,
    clientRequestId: row.client_request_id,
    jobId: row.job_id,
    count: row.count,
    path: row.path,
    ...(options ? { options } : {}),
  };
}

/** Normalises an ISO time so it compares correctly with the stored `toISOString()` values. */
const iso = (s: string | undefined) => (s === undefined ? null : new Date(s).toISOString());

/**
 * The filters' conditions, for the filters given only: `(?1 IS NULL OR actor = ?1)` for every filter
 * keeps SQLite from using any index but `seq`'s, and a filter that matches rarely or never then reads
 * the whole index on every page. Each equality filter has a `(column, seq)` index (migrations 0001,
 * 0003, 0004), so a page is one index range in chain order. `targetId` stands for every id form of
 * its target (a lock's number and UUID): an `IN` over those. The time filters stay `+at` (no index): the
 * `at` index would sort the whole range by `seq` on every page, where the `seq` walk stops at the
 * page's end. Fixed SQL fragments only; every value is bound.
 */
const FILTERS = [
  ["actor", "actor = ?"],
  ["targetType", "target_type = ?"],
  ["action", "action = ?"],
  ["outcome", "outcome = ?"],
  ["jobId", "job_id = ?"],
  ["from", "+at >= ?"],
  ["to", "+at <= ?"],
] as const satisfies readonly (readonly [keyof AuditListQuery, string])[];

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
  const values = { ...query, from: iso(query.from), to: iso(query.to) };
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const [key, condition] of FILTERS) {
    const value = values[key];
    if (value === undefined || value === null) continue;
    conditions.push(condition);
    params.push(value);
  }
  if (query.targetId !== undefined) {
    const ids = await targetIdsFor(db, query.targetId);
    conditions.push(`target_id IN (${ids.map(() => "?").join(", ")})`);
    params.push(...ids);
  }
  if (query.cursorSeq !== null) {
    conditions.push("seq < ?");
    params.push(query.cursorSeq);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
  const { results } = await db
    .prepare(`SELECT * FROM audit_index ${where} ORDER BY seq DESC LIMIT ?`)
    .bind(...params, query.limit + 1)
    .all<StoredIndexRow>();
  const page = results.slice(0, query.limit);
  const more = results.length > query.limit;
  return { items: page.map(toSummary), nextCursor: more ? String(page[page.length - 1]!.seq) : null };
}

export async function findAuditRow(db: D1Database, id: string): Promise<StoredIndexRow | null> {
  return db.prepare("SELECT * FROM audit_index WHERE id = ?1").bind(id).first<StoredIndexRow>();
}
