import type { AuditBreak, AuditRecord, AuditVerifyResponse } from "@cleanup/shared";
import { auditLogStub, type ChainState } from "./audit-log.ts";
import {
  type AuditIndexRow,
  GENESIS_HASH,
  hashRecord,
  indexColumns,
  indexedOptions,
  legacySerialisation,
  parseAuditPath,
  type StoredIndexRow,
  serialiseRecord,
} from "./record.ts";

const PAGE = 200;

/** A record as R2 holds it: the parsed record and the exact text it was parsed from. */
type Stored = { record: AuditRecord; text: string };

/** Why a record breaks the chain, or null when it is intact. */
async function checkRecord(
  row: StoredIndexRow,
  stored: Stored | null,
  prevHash: string,
  canonicalSince: number | null,
) {
  if (!stored) return "record missing from R2";
  const { record, text } = stored;
  const { hash, ...unsigned } = record;
  if ((await hashRecord(unsigned)) !== hash) return "record content does not match its hash";
  // The hash covers what JSON.parse read; the bytes must be the writer's own serialisation of it,
  // so text that parses the same (a space, an escape, a duplicate key) is a change too.
  const canonical = canonicalSince !== null && row.seq >= canonicalSince;
  if (text !== (canonical ? serialiseRecord(record) : legacySerialisation(record))) {
    return "stored bytes are not the writer's serialisation of the record (changed without changing what JSON.parse reads)";
  }
  if (record.prevHash !== prevHash) return "prevHash does not match the previous record's hash";
  const expected = indexColumns(record);
  const differing: string[] = (Object.keys(expected) as (keyof AuditIndexRow)[]).filter(
    (column) => row[column] !== expected[column],
  );
  // The listed options (migration 0035) must be the record's too; rows indexed before it have none.
  // Rows of records before the canonical form were indexed in that record's own key order.
  const listed = canonical ? indexedOptions(record) : JSON.stringify(record.options ?? {});
  if (row.options !== null && row.options !== listed) differing.push("options");
  return differing.length > 0 ? `index row differs from the record (${differing.join(", ")})` : null;
}

async function readRecord(bucket: R2Bucket, path: string): Promise<Stored | null> {
  const object = await bucket.get(path);
  if (!object) return null;
  const text = await object.text();
  try {
    return { record: JSON.parse(text) as AuditRecord, text };
  } catch {
    return null;
  }
}

/** The end of what was checked: the last good row, the anchor, or the genesis. */
type Tail = { seq: number; hash: string; id: string; path: string | null };

/**
 * Every object under `audit/` after `after` (and up to `until`, when given) must be the record of
 * an index row: one that is not is a record written but never indexed, or a second record under a
 * sequence number that is taken (a reused seq). Objects past the walked rows are looked up in the
 * index, since an append may have indexed them while the walk ran.
 */
async function findStrayObjects(
  env: Env,
  walked: Map<number, string>,
  after: string | null,
  until: string | null,
): Promise<AuditBreak | null> {
  const strays: AuditBreak[] = [];
  let cursor: string | undefined;
  listing: do {
    const page = await env.EVENTS.list({
      prefix: "audit/",
      limit: 1000,
      ...(cursor ? { cursor } : after ? { startAfter: after } : {}),
    });
    for (const { key } of page.objects) {
      if (until !== null && key > until) break listing;
      const named = parseAuditPath(key);
      if (!named) {
        strays.push({ id: "", seq: 0, reason: `unexpected object in the audit log's R2 prefix: ${key}` });
        continue;
      }
      const rowPath = walked.get(named.seq);
      if (rowPath === key) continue;
      if (rowPath !== undefined) {
        strays.push({
          ...named,
          reason: `sequence number reused: R2 holds a second record for seq ${named.seq}`,
        });
        continue;
      }
      const indexed = await env.DB.prepare("SELECT seq FROM audit_index WHERE path = ?1")
        .bind(key)
        .first<{ seq: number }>();
      if (!indexed)
        strays.push({
          ...named,
          reason: "record in R2 that the index does not list (written but not indexed)",
        });
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return strays.sort((a, b) => a.seq - b.seq)[0] ?? null;
}

/**
 * Where the index's end disagrees with the chain head the AuditLog DO keeps apart from it: rows
 * removed from the end (truncation), a newest row that is not the head, rows past the head, or a
 * record the writer could not finish indexing. `before` was read before the walk, `after` after it.
 */
function checkEnd(tail: Tail, before: ChainState, after: ChainState): AuditBreak | null {
  const pending = after.pending ?? before.pending;
  if (pending) {
    return {
      id: pending.id,
      seq: pending.seq,
      reason: `written but not indexed: the audit writer could not complete it (${pending.error || "retrying"})`,
    };
  }
  if (tail.seq < before.head.seq) {
    const removed = before.head.seq - tail.seq;
    return {
      id: removed === 1 ? before.head.id : "",
      seq: tail.seq + 1,
      reason: `missing from the end: the chain head kept by the audit writer is seq ${before.head.seq}, the index ends at seq ${tail.seq} (${removed} record(s) removed)`,
    };
  }
  if (tail.seq > after.head.seq) {
    return {
      id: "",
      seq: after.head.seq + 1,
      reason: `indexed past the chain head (seq ${after.head.seq}): not written by the audit writer`,
    };
  }
  const head = [before.head, after.head].find((h) => h.seq === tail.seq);
  if (head && head.hash !== tail.hash) {
    return {
      id: tail.id,
      seq: tail.seq,
      reason: "the newest record is not the chain head the audit writer kept",
    };
  }
  return null;
}

/**
 * Walks the chain in order from the record after `afterSeq` (the start by default), checking at
 * most `limit` records: each must exist, hash to its `hash`, point at its predecessor's hash, and
 * agree with its index row; every R2 object in the stretch must be an indexed record; and at the
 * end the index must end exactly at the chain head the AuditLog DO keeps. Reports the earliest
 * break. A stretch links to the index row at `afterSeq`, whose hash the previous stretch checked.
 */
export async function verifyAuditChain(
  env: Env,
  { afterSeq: start = 0, limit = Number.POSITIVE_INFINITY }: { afterSeq?: number; limit?: number } = {},
): Promise<AuditVerifyResponse> {
  const writer = auditLogStub(env);
  const before = await writer.chainState();
  let tail: Tail = { seq: 0, hash: GENESIS_HASH, id: "", path: null };
  if (start > 0) {
    const anchor = await env.DB.prepare("SELECT id, seq, hash, path FROM audit_index WHERE seq = ?1")
      .bind(start)
      .first<Tail>();
    if (!anchor && start <= before.head.seq) {
      return broken(0, {
        id: "",
        seq: start,
        reason: "missing from the index: the stretch's starting record",
      });
    }
    if (!anchor) return { ok: true, checked: 0, firstBroken: null, nextAfterSeq: null };
    tail = anchor;
  }
  const anchorPath = tail.path;
  const walked = new Map<number, string>();
  if (anchorPath) walked.set(tail.seq, anchorPath);
  let checked = 0;
  let walkBreak: AuditBreak | null = null;
  /** How far R2 is listed for strays when the walk stops early: past a gap, up to the row after it. */
  let untilPath: string | null = null;
  let atEnd = false;
  walk: for (;;) {
    const size = Math.min(PAGE, limit - checked);
    const { results } = await env.DB.prepare("SELECT * FROM audit_index WHERE seq > ?1 ORDER BY seq LIMIT ?2")
      .bind(tail.seq, size + 1)
      .all<StoredIndexRow>();
    const page = results.slice(0, size);
    const records = await Promise.all(page.map((row) => readRecord(env.EVENTS, row.path)));
    for (const [i, row] of page.entries()) {
      walked.set(row.seq, row.path);
      if (row.seq !== tail.seq + 1) {
        // The break is the first missing seq; an R2 object still there under it is named below.
        walkBreak = {
          id: "",
          seq: tail.seq + 1,
          reason: `missing from the index: seq ${tail.seq + 1} (the next indexed record is seq ${row.seq})`,
        };
        untilPath = row.path;
        break walk;
      }
      const reason = await checkRecord(row, records[i] ?? null, tail.hash, before.canonicalSince);
      if (reason) {
        walkBreak = { id: row.id, seq: row.seq, reason };
        break walk;
      }
      tail = { seq: row.seq, hash: row.hash, id: row.id, path: row.path };
      checked++;
    }
    atEnd = results.length <= size;
    if (atEnd || checked >= limit) break;
  }

  const stray = await findStrayObjects(
    env,
    walked,
    anchorPath,
    atEnd && !walkBreak ? null : (untilPath ?? tail.path),
  );
  const end = atEnd && !walkBreak ? checkEnd(tail, before, await writer.chainState()) : null;
  // At one seq, a stray R2 object says more than the gap in the index it fills (it has the id).
  const found = [stray, walkBreak, end].filter((b): b is AuditBreak => b !== null);
  const first = found.sort((a, b) => a.seq - b.seq)[0];
  if (first) return broken(checked, first);
  return { ok: true, checked, firstBroken: null, nextAfterSeq: atEnd ? null : tail.seq };
}

function broken(checked: number, at: AuditBreak): AuditVerifyResponse {
  return { ok: false, checked, firstBroken: at, brokenAt: at, nextAfterSeq: null };
}
