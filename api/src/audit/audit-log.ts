import { DurableObject } from "cloudflare:workers";
import type { AuditRecord } from "@cleanup/shared";
import { readConfig } from "../config.ts";
import { SerialQueue } from "../lib/serial-queue.ts";
import { type ChainHead, ChainStore, type PendingRecord } from "./chain-store.ts";
import {
  type AuditDraft,
  auditPath,
  GENESIS_HASH,
  hashRecord,
  insertIndexRow,
  serialiseRecord,
} from "./record.ts";
import { type Attempt, type Refusal, RefusalBuckets } from "./refusal-buckets.ts";
import { canonicalTarget } from "./target-ids.ts";

export type AppendOptions = {
  /** Names one logical record: a second append with the same key returns the first and writes nothing. */
  dedupeKey?: string;
};

/** What verify compares the index with: the head kept here, and a record still being written. */
export type ChainState = {
  head: ChainHead;
  pending: { seq: number; id: string; error: string } | null;
  /** The first seq stored in the canonical form; earlier ones are checked in the old writer's form. */
  canonicalSince: number | null;
};

/** An append that could not finish is completed again this soon (the record's seq stays reserved). */
const RETRY_PENDING_MS = 5_000;
const GENESIS: ChainHead = { seq: 0, hash: GENESIS_HASH, id: "", path: "" };

/**
 * The audit log's single writer (binding `AUDIT_LOG`, one instance named "audit-log"). Appends run
 * one at a time, so each record's `prevHash` is its predecessor's hash and the chain never forks.
 *
 * An append is write-ahead: the record is first kept in this object's own storage (reserving its
 * seq), then written to R2 (the content) and to D1 `audit_index` (the listing), then becomes the
 * chain head kept here. A crash in between leaves it pending, and the next append, verify or alarm
 * completes it: no record is left in R2 without an index row, and no seq is handed out twice.
 * See docs/decisions/013-audit-chain-head-and-write-ahead.md.
 */
export class AuditLog extends DurableObject<Env> {
  readonly #queue = new SerialQueue();
  readonly #chain: ChainStore;
  readonly #refusals: RefusalBuckets;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#chain = new ChainStore(ctx.storage);
    this.#refusals = new RefusalBuckets(ctx.storage);
  }

  /**
   * Appends a record and returns it as stored.
   *
   * @example
   * await auditLogStub(env).append(draft, { dedupeKey: `${jobId}:started` });
   */
  async append(draft: AuditDraft, options: AppendOptions = {}): Promise<AuditRecord> {
    // Filing under the canonical id is worth a lookup, not a lost record: as sent when D1 fails.
    const target = await canonicalTarget(
      this.env.DB,
      draft.targetType,
      draft.targetId,
      draft.targetAlias,
    ).catch(() => ({ targetId: draft.targetId, targetAlias: draft.targetAlias ?? null }));
    return this.#queue.run(async () => {
      await this.#completePending();
      if (options.dedupeKey !== undefined) {
        const first = this.#chain.dedupe(options.dedupeKey);
        if (first) return this.#readStored(first.path);
      }
      const head = await this.#head();
      const id = crypto.randomUUID();
      const seq = head.seq + 1;
      const at = new Date().toISOString();
      const unsigned = {
        ...draft,
        ...target,
        clientRequestId: draft.clientRequestId ?? null,
        jobId: draft.jobId ?? null,
        count: draft.count ?? null,
        id,
        seq,
        at,
        path: auditPath(at, seq, id),
        prevHash: head.hash,
      };
      const record: AuditRecord = { ...unsigned, hash: await hashRecord(unsigned) };
      this.#chain.adoptCanonicalSince(seq);
      const pending = { record, json: serialiseRecord(record) };
      this.#chain.begin(pending, options.dedupeKey);
      await this.#complete(pending);
      return record;
    });
  }

  /** The chain head, after completing a pending append (verify compares the index with it). */
  async chainState(): Promise<ChainState> {
    return this.#queue.run(async () => {
      let error = "";
      try {
        await this.#completePending();
      } catch (err) {
        error = (err as Error).message;
      }
      const pending = this.#chain.pending();
      return {
        head: await this.#head(),
        pending: pending ? { seq: pending.record.seq, id: pending.record.id, error } : null,
        canonicalSince: this.#chain.canonicalSince(),
      };
    });
  }

  /** Counts a refused attempt (see refusal-record.ts); its summary is written when its minute ends. */
  async countRefusal(refusal: Refusal): Promise<void> {
    const due = this.#refusals.add(refusal);
    await this.#scheduleAlarm(due + 1_000);
  }

  /**
   * Writes the summary of every minute that ended by `now` (the alarm calls it; so can a test) and
   * returns the ids of the records written.
   */
  async flushRefusals(now = Date.now()): Promise<string[]> {
    const environment = readConfig(this.env).environment;
    const written: string[] = [];
    for (const bucket of this.#refusals.due(now, environment)) {
      const options = bucket.draft.options as { attempts: Attempt[] };
      options.attempts = await canonicalAttempts(this.env.DB, options.attempts);
      // Keyed, so a crash between the append and the removal never writes a summary twice.
      written.push((await this.append(bucket.draft, { dedupeKey: bucket.key })).id);
      this.#refusals.remove(bucket.minute, bucket.source, bucket.actor);
    }
    return written;
  }

  override async alarm(): Promise<void> {
    try {
      await this.flushRefusals();
      await this.#queue.run(() => this.#completePending());
    } finally {
      const next = this.#refusals.nextDue();
      if (next !== null) await this.#scheduleAlarm(next + 1_000);
      if (this.#chain.pending()) await this.#scheduleAlarm(Date.now() + RETRY_PENDING_MS);
    }
  }

  /** The head kept here; the first use of a log written before it was kept adopts the index's end. */
  async #head(): Promise<ChainHead> {
    const kept = this.#chain.head();
    if (kept) return kept;
    const last = await this.env.DB.prepare(
      "SELECT seq, hash, id, path FROM audit_index ORDER BY seq DESC LIMIT 1",
    ).first<ChainHead>();
    this.#chain.adoptHead(last ?? GENESIS);
    return this.#chain.head() ?? GENESIS;
  }

  async #completePending(): Promise<void> {
    const pending = this.#chain.pending();
    if (pending) await this.#complete(pending);
  }

  /** R2, then the index, then the head; each step may be repeated, so a retry after a crash is safe. */
  async #complete({ record, json }: PendingRecord): Promise<void> {
    try {
      await this.env.EVENTS.put(record.path, json, {
        httpMetadata: { contentType: "application/json" },
        customMetadata: { seq: String(record.seq), hash: record.hash },
      });
      const indexed = await this.env.DB.prepare("SELECT id FROM audit_index WHERE seq = ?1")
        .bind(record.seq)
        .first<{ id: string }>();
      if (!indexed) await insertIndexRow(this.env.DB, record).run();
      else if (indexed.id !== record.id) {
        throw new Error(
          `audit seq ${record.seq} is taken in the index by ${indexed.id}, not by the chain's record ${record.id}`,
        );
      }
    } catch (err) {
      await this.#scheduleAlarm(Date.now() + RETRY_PENDING_MS);
      throw err;
    }
    this.#chain.finish(record);
  }

  async #readStored(path: string): Promise<AuditRecord> {
    const object = await this.env.EVENTS.get(path);
    if (!object) throw new Error(`The audit record at ${path} is missing from R2`);
    return (await object.json()) as AuditRecord;
  }

  /** One alarm per object: keeps the earlier of the one set and the one wanted. */
  async #scheduleAlarm(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }
}

/**
 * A summary's attempts with each target under its canonical id (a lock by UUID under its number),
 * merged where two forms named one target. Looked up once per summary, never per anonymous request.
 */
async function canonicalAttempts(db: D1Database, attempts: Attempt[]): Promise<Attempt[]> {
  const merged = new Map<string, Attempt>();
  for (const attempt of attempts) {
    const { targetId } = await canonicalTarget(db, attempt.targetType, attempt.targetId).catch(() => attempt);
    const key = `${attempt.action} ${attempt.targetType} ${targetId}`;
    const same = merged.get(key);
    if (same) same.count += attempt.count;
    else merged.set(key, { ...attempt, targetId });
  }
  return [...merged.values()];
}

export function auditLogStub(env: Env) {
  return env.AUDIT_LOG.get(env.AUDIT_LOG.idFromName("audit-log"));
}

/**
 * `AuditLog.append` through the stub, typed: RPC's types cannot carry a record's `unknown` fields
 * (`plan`, `result`, `options`), so the stub's own signature says `never`.
 *
 * @example
 * const record = await appendAudit(env, draft, { dedupeKey: `${jobId}:started` });
 */
export async function appendAudit(
  env: Env,
  draft: AuditDraft,
  options: AppendOptions = {},
): Promise<AuditRecord> {
  return (await auditLogStub(env).append(draft, options)) as unknown as AuditRecord;
}
