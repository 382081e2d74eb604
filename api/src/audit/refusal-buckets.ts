import type { AuditAction } from "@cleanup/shared";
import type { AuditDraft } from "./record.ts";

/** At most this many sources (and actors) get a summary of their own per minute; the rest share `other`. */
export const MAX_SOURCES_PER_MINUTE = 100;
/** Distinct attempts (action and target) listed in one summary; further ones are only counted. */
const MAX_ATTEMPTS_LISTED = 20;
const MINUTE_MS = 60_000;
export const OTHER_SOURCES = "other";
/** The actor of a refusal whose caller had no token that verified. */
export const ANONYMOUS = "anonymous";

/** One refused attempt that is counted, not recorded on its own (see refusal-record.ts). */
export type Refusal = {
  source: string;
  /** The verified email of the caller, or `anonymous`. */
  actor: string;
  action: AuditAction;
  targetType: string;
  /** Only an id of the target's own form: text an anonymous caller chose is not recorded. */
  targetId: string;
  httpStatus: number;
  at: string;
};

export type Attempt = { action: string; targetType: string; targetId: string; count: number };
type BucketRow = {
  minute: string;
  source: string;
  actor: string;
  count: number;
  first_at: string;
  last_at: string;
  attempts: string;
  statuses: string;
};
type Attempts = { listed: Attempt[]; unlisted: number };

/** `2026-05-01T10:03` of an ISO time: the minute a refusal is counted in. */
const minuteOf = (at: string) => at.slice(0, 16);
/** When a minute's summary is due: its last millisecond has passed. */
export const minuteEnd = (minute: string) => Date.parse(`${minute}:00.000Z`) + MINUTE_MS;

/**
 * Counts refusals per source, actor and minute in the AuditLog DO's own storage, so that a flood
 * costs a counter update each and one audit record per source, actor and minute, never one append
 * per request.
 */
export class RefusalBuckets {
  readonly #sql: SqlStorage;

  constructor(storage: DurableObjectStorage) {
    const sql = storage.sql;
    this.#sql = sql;
    sql.exec(`CREATE TABLE IF NOT EXISTS refusal_buckets (
      minute TEXT NOT NULL, source TEXT NOT NULL, actor TEXT NOT NULL, count INTEGER NOT NULL,
      first_at TEXT NOT NULL, last_at TEXT NOT NULL, attempts TEXT NOT NULL, statuses TEXT NOT NULL,
      PRIMARY KEY (minute, source, actor)
    )`);
    // Buckets counted before actors were (anonymous callers only): moved over once.
    const [old] = sql
      .exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'refusals'")
      .toArray();
    if (old) {
      storage.transactionSync(() => {
        sql.exec(
          `INSERT OR IGNORE INTO refusal_buckets
           SELECT minute, source, ?, count, first_at, last_at, attempts, statuses FROM refusals`,
          ANONYMOUS,
        );
        sql.exec("DROP TABLE refusals");
      });
    }
  }

  /** Adds one refusal to its bucket; returns when that bucket's summary is due (ms). */
  add(refusal: Refusal): number {
    const minute = minuteOf(refusal.at);
    const { source, actor } = this.#bucketOf(minute, refusal.source, refusal.actor);
    const [row] = this.#sql
      .exec<BucketRow>(
        "SELECT * FROM refusal_buckets WHERE minute = ? AND source = ? AND actor = ?",
        minute,
        source,
        actor,
      )
      .toArray();
    const attempts: Attempts = row ? JSON.parse(row.attempts) : { listed: [], unlisted: 0 };
    const statuses: Record<string, number> = row ? JSON.parse(row.statuses) : {};
    const same = attempts.listed.find(
      (a) =>
        a.action === refusal.action && a.targetType === refusal.targetType && a.targetId === refusal.targetId,
    );
    if (same) same.count++;
    else if (attempts.listed.length < MAX_ATTEMPTS_LISTED) {
      const { action, targetType, targetId } = refusal;
      attempts.listed.push({ action, targetType, targetId, count: 1 });
    } else attempts.unlisted++;
    statuses[refusal.httpStatus] = (statuses[refusal.httpStatus] ?? 0) + 1;
    this.#sql.exec(
      `INSERT INTO refusal_buckets (minute, source, actor, count, first_at, last_at, attempts, statuses)
       VALUES (?, ?, ?, 1, ?, ?, ?, ?)
       ON CONFLICT (minute, source, actor) DO UPDATE SET count = count + 1, last_at = excluded.last_at,
         attempts = excluded.attempts, statuses = excluded.statuses`,
      minute,
      source,
      actor,
      refusal.at,
      refusal.at,
      JSON.stringify(attempts),
      JSON.stringify(statuses),
    );
    return minuteEnd(minute);
  }

  /**
   * A new source (or actor) in a full minute is counted under `other` (an anonymous caller's
   * actor stays `anonymous`), so the number of summaries a minute is bounded however many
   * addresses or accounts a flood uses.
   */
  #bucketOf(minute: string, source: string, actor: string): { source: string; actor: string } {
    const [known] = this.#sql
      .exec(
        "SELECT 1 AS yes FROM refusal_buckets WHERE minute = ? AND source = ? AND actor = ?",
        minute,
        source,
        actor,
      )
      .toArray();
    if (known) return { source, actor };
    const [{ n } = { n: 0 }] = this.#sql
      .exec<{ n: number }>("SELECT COUNT(*) AS n FROM refusal_buckets WHERE minute = ?", minute)
      .toArray();
    if (n < MAX_SOURCES_PER_MINUTE) return { source, actor };
    return { source: OTHER_SOURCES, actor: actor === ANONYMOUS ? ANONYMOUS : OTHER_SOURCES };
  }

  /** The buckets whose minute has ended by `now`, oldest first, as audit drafts with their keys. */
  due(
    now: number,
    environment: string,
  ): { key: string; minute: string; source: string; actor: string; draft: AuditDraft }[] {
    return this.#sql
      .exec<BucketRow>("SELECT * FROM refusal_buckets ORDER BY minute, source, actor")
      .toArray()
      .filter((row) => minuteEnd(row.minute) <= now)
      .map((row) => ({
        // An anonymous bucket keeps the key it had before actors were counted.
        key: `refusal-summary:${row.minute}:${row.source}${row.actor === ANONYMOUS ? "" : `:${row.actor}`}`,
        minute: row.minute,
        source: row.source,
        actor: row.actor,
        draft: summaryDraft(row, environment),
      }));
  }

  remove(minute: string, source: string, actor: string): void {
    this.#sql.exec(
      "DELETE FROM refusal_buckets WHERE minute = ? AND source = ? AND actor = ?",
      minute,
      source,
      actor,
    );
  }

  /** When the next summary is due, or null when nothing is counted. */
  nextDue(): number | null {
    const [row] = this.#sql
      .exec<{ minute: string }>("SELECT MIN(minute) AS minute FROM refusal_buckets")
      .toArray();
    return row?.minute ? minuteEnd(row.minute) : null;
  }
}

function summaryDraft(row: BucketRow, environment: string): AuditDraft {
  const attempts: Attempts = JSON.parse(row.attempts);
  const statuses: Record<string, number> = JSON.parse(row.statuses);
  const [commonest] = Object.entries(statuses).sort(([, a], [, b]) => b - a);
  const httpStatus = Number(commonest?.[0] ?? 401);
  return {
    action: "refusal-summary",
    targetType: "source",
    targetId: row.source,
    targetAlias: null,
    // Mostly server errors (the issuer's keys unreachable, say): a failure, not a refusal.
    outcome: httpStatus >= 500 ? "failure" : "refused",
    actor: row.actor,
    environment,
    reason: null,
    requestId: crypto.randomUUID(),
    clientRequestId: null,
    jobId: null,
    count: row.count,
    options: {
      minute: `${row.minute}Z`,
      firstAt: row.first_at,
      lastAt: row.last_at,
      attempts: attempts.listed,
      unlistedAttempts: attempts.unlisted,
    },
    plan: null,
    result: { statuses },
    httpStatus,
  };
}
