import type { AuditRecord } from "@cleanup/shared";
import { canonicalJson } from "../lib/canonical-json.ts";
import { sha256Hex } from "../lib/hash.ts";

/** The `prevHash` of the first record. */
export const GENESIS_HASH = "0".repeat(64);

/** What a caller supplies; the AuditLog DO assigns id, seq, at, path and the chain hashes. */
export type AuditDraft = Omit<AuditRecord, "id" | "seq" | "at" | "path" | "prevHash" | "hash">;

/** A record's hash covers every other field, including `prevHash`: that is the chain. */
export function hashRecord(record: Omit<AuditRecord, "hash">): Promise<string> {
  return sha256Hex(canonicalJson(record));
}

/** `audit/YYYY/MM/DD/{seq:010d}-{id}.json`: listable by day and in chain order. */
export function auditPath(at: string, seq: number, id: string): string {
  const day = at.slice(0, 10).replaceAll("-", "/");
  return `audit/${day}/${String(seq).padStart(10, "0")}-${id}.json`;
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
  outcome: string;
  reason: string | null;
  request_id: string;
  path: string;
  http_status: number;
  prev_hash: string;
  hash: string;
  /** JSON of the record's options; null for records indexed before migration 0035. */
  options: string | null;
};

export function insertIndexRow(db: D1Database, r: AuditRecord): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_index (id, seq, at, actor, environment, action, target_type, target_id, outcome,
         reason, request_id, path, http_status, prev_hash, hash, options)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)`,
    )
    .bind(
      r.id,
      r.seq,
      r.at,
      r.actor,
      r.environment,
      r.action,
      r.targetType,
      r.targetId,
      r.outcome,
      r.reason,
      r.requestId,
      r.path,
      r.httpStatus,
      r.prevHash,
      r.hash,
      JSON.stringify(r.options),
    );
}
