import type { AuditRecord } from "@cleanup/shared";

/** The newest record on the chain, as the writer last completed it. */
export type ChainHead = { seq: number; hash: string; id: string; path: string };

/** A record whose writing began: reserved its seq, maybe in R2, maybe not yet indexed. */
export type PendingRecord = { record: AuditRecord; json: string };

export type DedupeEntry = { id: string; seq: number; path: string };

/**
 * The AuditLog DO's own storage (SQLite, private to the object; neither R2 nor D1 access reaches
 * it): the chain head, kept apart from the D1 index so that verify can compare the two; the
 * write-ahead record of an append in progress; and the dedupe keys of appends that named one.
 * Every method is synchronous, so a group of calls without an await between them is atomic.
 */
export class ChainStore {
  readonly #sql: SqlStorage;
  readonly #storage: DurableObjectStorage;

  constructor(storage: DurableObjectStorage) {
    this.#storage = storage;
    this.#sql = storage.sql;
    this.#sql.exec(`
      CREATE TABLE IF NOT EXISTS chain_head (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        seq INTEGER NOT NULL, hash TEXT NOT NULL, id TEXT NOT NULL, path TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS pending (seq INTEGER PRIMARY KEY, record TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS dedupe (
        key TEXT PRIMARY KEY, id TEXT NOT NULL, seq INTEGER NOT NULL, path TEXT NOT NULL, at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS chain_format (
        one INTEGER PRIMARY KEY CHECK (one = 1), canonical_since INTEGER NOT NULL
      );
    `);
  }

  /**
   * The first seq stored in the canonical form (ADR 018); records before it were written by
   * `JSON.stringify`. Null until this code first appends.
   */
  canonicalSince(): number | null {
    const [row] = this.#sql
      .exec<{ canonical_since: number }>("SELECT canonical_since FROM chain_format WHERE one = 1")
      .toArray();
    return row?.canonical_since ?? null;
  }

  /** Records the first canonical seq, once: the first append of this code, on a new or an old log. */
  adoptCanonicalSince(seq: number): void {
    this.#sql.exec("INSERT OR IGNORE INTO chain_format (one, canonical_since) VALUES (1, ?)", seq);
  }

  head(): ChainHead | null {
    const [row] = this.#sql
      .exec<ChainHead>("SELECT seq, hash, id, path FROM chain_head WHERE one = 1")
      .toArray();
    return row ?? null;
  }

  /** Sets the head only where none is kept yet (the first use of an existing log). */
  adoptHead(head: ChainHead): void {
    this.#sql.exec(
      "INSERT OR IGNORE INTO chain_head (one, seq, hash, id, path, updated_at) VALUES (1, ?, ?, ?, ?, ?)",
      head.seq,
      head.hash,
      head.id,
      head.path,
      new Date().toISOString(),
    );
  }

  pending(): PendingRecord | null {
    const [row] = this.#sql
      .exec<{ record: string }>("SELECT record FROM pending ORDER BY seq LIMIT 1")
      .toArray();
    return row ? { record: JSON.parse(row.record) as AuditRecord, json: row.record } : null;
  }

  /** Write-ahead: the record (and its dedupe key) is kept before anything goes to R2 or D1. */
  begin(pending: PendingRecord, dedupeKey: string | undefined): void {
    const { record, json } = pending;
    this.#storage.transactionSync(() => {
      this.#sql.exec("INSERT INTO pending (seq, record) VALUES (?, ?)", record.seq, json);
      if (dedupeKey !== undefined) {
        this.#sql.exec(
          "INSERT INTO dedupe (key, id, seq, path, at) VALUES (?, ?, ?, ?, ?)",
          dedupeKey,
          record.id,
          record.seq,
          record.path,
          record.at,
        );
      }
    });
  }

  /** The record is in R2 and indexed: it becomes the head, and is no longer pending. */
  finish(record: AuditRecord): void {
    this.#storage.transactionSync(() => {
      this.#sql.exec(
        `INSERT INTO chain_head (one, seq, hash, id, path, updated_at) VALUES (1, ?, ?, ?, ?, ?)
         ON CONFLICT (one) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, id = excluded.id,
           path = excluded.path, updated_at = excluded.updated_at`,
        record.seq,
        record.hash,
        record.id,
        record.path,
        new Date().toISOString(),
      );
      this.#sql.exec("DELETE FROM pending WHERE seq = ?", record.seq);
    });
  }

  dedupe(key: string): DedupeEntry | null {
    const [row] = this.#sql
      .exec<DedupeEntry>("SELECT id, seq, path FROM dedupe WHERE key = ?", key)
      .toArray();
    return row ?? null;
  }
}
