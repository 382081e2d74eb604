import type { AuditRecord, AuditVerifyResponse } from "@cleanup/shared";
import { type AuditIndexRow, GENESIS_HASH, hashRecord } from "./record.ts";

const PAGE = 200;

/** Why a record breaks the chain, or null when it is intact. */
async function checkRecord(
  row: AuditIndexRow,
  record: AuditRecord | null,
  expectedSeq: number,
  prevHash: string,
) {
  if (row.seq !== expectedSeq) return `sequence gap: expected ${expectedSeq}, found ${row.seq}`;
  if (!record) return "record missing from R2";
  const { hash, ...unsigned } = record;
  if ((await hashRecord(unsigned)) !== hash) return "record content does not match its hash";
  if (record.prevHash !== prevHash) return "prevHash does not match the previous record's hash";
  const indexed: [keyof AuditIndexRow, unknown][] = [
    ["id", record.id],
    ["seq", record.seq],
    ["at", record.at],
    ["actor", record.actor],
    ["action", record.action],
    ["target_type", record.targetType],
    ["target_id", record.targetId],
    ["outcome", record.outcome],
    ["hash", record.hash],
    ["prev_hash", record.prevHash],
  ];
  const differing = indexed.filter(([column, value]) => row[column] !== value).map(([column]) => column);
  return differing.length > 0 ? `index row differs from the record (${differing.join(", ")})` : null;
}

async function readRecord(bucket: R2Bucket, path: string): Promise<AuditRecord | null> {
  const object = await bucket.get(path);
  if (!object) return null;
  try {
    return JSON.parse(await object.text()) as AuditRecord;
  } catch {
    return null;
  }
}

/**
 * Walks the chain in order from the record after `afterSeq` (the start by default), checking at
 * most `limit` records: each must exist, hash to its `hash`, point at its predecessor's hash, and
 * agree with its index row. Stops at the first broken link. A stretch links to the index row at
 * `afterSeq`, whose hash the previous stretch checked against its record.
 */
export async function verifyAuditChain(
  env: Env,
  { afterSeq: start = 0, limit = Number.POSITIVE_INFINITY }: { afterSeq?: number; limit?: number } = {},
): Promise<AuditVerifyResponse> {
  let prevHash = GENESIS_HASH;
  if (start > 0) {
    const anchor = await env.DB.prepare("SELECT hash FROM audit_index WHERE seq = ?1")
      .bind(start)
      .first<{ hash: string }>();
    if (!anchor) return { ok: true, checked: 0, firstBroken: null, nextAfterSeq: null };
    prevHash = anchor.hash;
  }
  let checked = 0;
  for (let afterSeq = start; ; ) {
    const size = Math.min(PAGE, limit - checked);
    const { results } = await env.DB.prepare("SELECT * FROM audit_index WHERE seq > ?1 ORDER BY seq LIMIT ?2")
      .bind(afterSeq, size + 1)
      .all<AuditIndexRow>();
    const page = results.slice(0, size);
    const records = await Promise.all(page.map((row) => readRecord(env.EVENTS, row.path)));
    for (const [i, row] of page.entries()) {
      const reason = await checkRecord(row, records[i] ?? null, start + checked + 1, prevHash);
      if (reason) {
        return { ok: false, checked, firstBroken: { id: row.id, seq: row.seq, reason }, nextAfterSeq: null };
      }
      prevHash = row.hash;
      checked++;
    }
    const more = results.length > size;
    if (!more) return { ok: true, checked, firstBroken: null, nextAfterSeq: null };
    afterSeq = page[page.length - 1]!.seq;
    if (checked >= limit) return { ok: true, checked, firstBroken: null, nextAfterSeq: afterSeq };
  }
}
