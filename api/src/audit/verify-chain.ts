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
 * Walks the whole chain in order: each record must exist, hash to its `hash`, point at its
 * predecessor's hash, and agree with its index row. Stops at the first broken link.
 */
export async function verifyAuditChain(env: Env): Promise<AuditVerifyResponse> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (let afterSeq = 0; ; ) {
    const { results } = await env.DB.prepare("SELECT * FROM audit_index WHERE seq > ?1 ORDER BY seq LIMIT ?2")
      .bind(afterSeq, PAGE)
      .all<AuditIndexRow>();
    const records = await Promise.all(results.map((row) => readRecord(env.EVENTS, row.path)));
    for (const [i, row] of results.entries()) {
      const reason = await checkRecord(row, records[i] ?? null, checked + 1, prevHash);
      if (reason) return { ok: false, checked, firstBroken: { id: row.id, seq: row.seq, reason } };
      prevHash = row.hash;
      checked++;
    }
    if (results.length < PAGE) return { ok: true, checked, firstBroken: null };
    afterSeq = results[results.length - 1]!.seq;
  }
}
