import type { AuditRecord } from "@cleanup/shared";
import { canonicalJson } from "../lib/canonical-json.ts";
import { sha256Hex } from "../lib/hash.ts";

/** The `prevHash` of the first record. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * What a caller supplies; the AuditLog DO assigns id, seq, at, path and the chain hashes, and files
 * the target under its canonical id (a lock under its numeric id, its UUID as `targetAlias`).
 */
export type AuditDraft = Omit<AuditRecord, "id" | "seq" | "at" | "path" | "prevHash" | "hash">;

/** A record's hash covers every other field, including `prevHash`: that is the chain. */
export function hashRecord(record: Omit<AuditRecord, "hash">): Promise<string> {
  return sha256Hex(canonicalJson(record));
}

/**
 * The bytes a record is stored as in R2: its canonical JSON (keys sorted, no spaces, JSON's own
 * escapes), the one form of it. Verify requires the stored text to be exactly this, so bytes that
 * parse to the same record — a space, `\u0061` for `a`, a duplicate key a first-wins reader would
 * take — fail it like any other change (ADR 018).
 */
export function serialiseRecord(record: AuditRecord): string {
  return canonicalJson(record);
}

/**
 * How records written before the canonical form (ADR 018) were stored: `JSON.stringify` in the
 * writer's key order. A parse and re-stringify gives back exactly those bytes.
 */
export function legacySerialisation(record: AuditRecord): string {
  return JSON.stringify(record);
}

/** `audit/YYYY/MM/DD/{seq:010d}-{id}.json`: listable by day and in chain order. */
export function auditPath(at: string, seq: number, id: string): string {
  const day = at.slice(0, 10).replaceAll("-", "/");
  return `audit/${day}/${String(seq).padStart(10, "0")}-${id}.json`;
}

/** The sequence number and id an audit object's key names, or null for a key that is not one. */
export function parseAuditPath(key: string): { seq: number; id: string } | null {
  const m = /^audit\/\d{4}\/\d{2}\/\d{2}\/(\d{10})-([0-9a-f-]{36})\.json$/.exec(key);
  return m ? { seq: Number(m[1]), id: m[2]! } : null;
}

export type AuditIndexRow = {
  id: string;
  seq: number;
  at: string;
  actor: string;
  environment: string;
  action: string;
  target_type: string;
  target_id: string;
  target_alias: string | null;
  outcome: string;
  reason: string | null;
  request_id: string;
  client_request_id: string | null;
  job_id: string | null;
  count: number | null;
  path: string;
  http_status: number;
  prev_hash: string;
  hash: string;
};

/** An index row as read back: the columns above, and the options (null before migration 0035). */
export type StoredIndexRow = AuditIndexRow & { options: string | null };

/** The index row's value of every column, from the record (the optional fields as null). */
export function indexColumns(r: AuditRecord): AuditIndexRow {
  return {
    id: r.id,
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    environment: r.environment,
    action: r.action,
    target_type: r.targetType,
    target_id: r.targetId,
    target_alias: r.targetAlias ?? null,
    outcome: r.outcome,
    reason: r.reason,
    request_id: r.requestId,
    client_request_id: r.clientRequestId ?? null,
    job_id: r.jobId ?? null,
    count: r.count ?? null,
    path: r.path,
    http_status: r.httpStatus,
    prev_hash: r.prevHash,
    hash: r.hash,
  };
}

const COLUMNS = Object.keys(indexColumns({} as AuditRecord)) as (keyof AuditIndexRow)[];

/**
 * The options as the index keeps them (migration 0035), for listing without reading R2. Not among
 * {@link indexColumns}: rows indexed before the column existed have none; verify checks it where
 * it is set (see `checkRecord`).
 */
export function indexedOptions(r: Pick<AuditRecord, "options">): string {
  // Canonical, as the record is stored (ADR 018): verify compares it with the options read back.
  return canonicalJson(r.options ?? {});
}

export function insertIndexRow(db: D1Database, r: AuditRecord): D1PreparedStatement {
  const row = indexColumns(r);
  const columns = [...COLUMNS, "options"];
  const placeholders = columns.map((_, i) => `?${i + 1}`).join(", ");
  return db
    .prepare(`INSERT INTO audit_index (${columns.join(", ")}) VALUES (${placeholders})`)
    .bind(...COLUMNS.map((column) => row[column]), indexedOptions(r));
}
