import type { JobStepName, Plan, PlanItem, RestoreSummary } from "@cleanup/shared";
import { reducerOf } from "../domain/reducers.ts";
import { ApiError } from "../http/errors.ts";
import type { JobTarget, StoredJob } from "../jobs/job-types.ts";
import { sha256Hex } from "../lib/hash.ts";
import { aggregateStub } from "../storage/aggregates-registry.ts";
import { type ArchiveHeader, decodeArchive } from "../storage/archive.ts";
import { type ArchiveRow, findArchiveById } from "../storage/archives-table.ts";
import {
  type AggregateKind,
  listSegments,
  type StoredEvent,
  summarizeSegments,
} from "../storage/event-store.ts";
import { writeHistory } from "../storage/state-snapshots.ts";
import {
  deletionSteps,
  dryRunFields,
  endErrors,
  jobAnswer,
  operationLines,
  plannedSteps,
  short,
} from "./published-result.ts";
import type { JobEnd, PreparedDeletion, StepContext, StepOutcome } from "./target.ts";

/**
 * What a lock or hub module says about putting its aggregate back (issue 2.3): the D1 tables its
 * archive header holds, in the order they are written; how to name the target from them; and the
 * SQL that finds it existing again. The restore flow below is the same for both.
 */
export type AggregateRestore = {
  kind: AggregateKind;
  /** Tables of the header, in insert order (parents first). Only these are ever written. */
  tables: readonly string[];
  /** The job target from the archive's header rows. */
  target(header: ArchiveHeader): JobTarget;
  /** The published-style fields the answer adds (`lockId`, `hubId`…). */
  fields(header: ArchiveHeader): Record<string, unknown>;
  /** SQL (numbered from ?1) with its values that finds the target existing in D1. */
  existsSql(target: JobTarget): { sql: string; values: unknown[] };
};

export const RESTORE_STEPS: JobStepName[] = [
  "verify-archive",
  "write-events",
  "write-d1-rows",
  "rebuild-do-state",
];
const WRITING: JobStepName[] = ["write-events", "write-d1-rows", "rebuild-do-state"];

/** An archive read back and checked against its registry row: whole, or why it is not. */
export type CheckedArchive =
  | { ok: true; row: ArchiveRow; header: ArchiveHeader; events: StoredEvent[]; bytes: number }
  | { ok: false; row: ArchiveRow; damage: string };

/**
 * Reads the archive and checks it against what was recorded when it was written: its SHA-256, its
 * event count and its last sequence, and that it has a header with the D1 rows (archives written
 * before jobs have none). Nothing is written from an archive that fails any of these.
 */
export async function readCheckedArchive(env: Env, row: ArchiveRow): Promise<CheckedArchive> {
  if (row.status !== "verified" || row.sha256 === null || row.events === null) {
    return { ok: false, row, damage: "it was never verified when it was written" };
  }
  const object = await env.EVENTS.get(row.path);
  if (!object) return { ok: false, row, damage: `its object ${row.path} is missing from R2` };
  const body = await object.text();
  const sha256 = await sha256Hex(body);
  if (sha256 !== row.sha256) {
    return { ok: false, row, damage: `its SHA-256 is ${short(sha256)}, recorded ${short(row.sha256)}` };
  }
  let decoded: ReturnType<typeof decodeArchive>;
  try {
    decoded = decodeArchive(body);
  } catch {
    return { ok: false, row, damage: "it does not parse as NDJSON" };
  }
  const { header, events } = decoded;
  if (events.length !== row.events) {
    return { ok: false, row, damage: `it holds ${events.length} events, recorded ${row.events}` };
  }
  const lastSeq = events[events.length - 1]?.seq ?? 0;
  if (lastSeq !== (row.last_seq ?? 0)) {
    return { ok: false, row, damage: `it ends at event ${lastSeq}, recorded ${row.last_seq}` };
  }
  if (!header)
    return { ok: false, row, damage: "it was written before jobs and holds no D1 rows to restore" };
  if (header.kind !== row.target_type || header.events !== events.length) {
    return { ok: false, row, damage: "its header does not match its registry row" };
  }
  return { ok: true, row, header, events, bytes: object.size };
}

/** The facts a restore plan is made of, and that its token covers. */
export type RestoreFacts = {
  row: ArchiveRow;
  header: ArchiveHeader;
  target: JobTarget;
  /** Whether the target's D1 row exists again. */
  exists: boolean;
  /** Events R2 holds under the target's UUID now (0 after a deletion). */
  r2: { events: number; lastSeq: number };
};

async function currentFacts(
  env: Env,
  def: AggregateRestore,
  row: ArchiveRow,
  header: ArchiveHeader,
): Promise<RestoreFacts> {
  const target = def.target(header);
  const { sql, values } = def.existsSql(target);
  const [exists, segments] = await Promise.all([
    env.DB.prepare(sql)
      .bind(...values)
      .first(),
    listSegments(env.EVENTS, def.kind, target.uuid!),
  ]);
  const r2 = summarizeSegments(segments);
  return { row, header, target, exists: exists !== null, r2: { events: r2.eventCount, lastSeq: r2.lastSeq } };
}

const rowCounts = (header: ArchiveHeader, tables: readonly string[]): Record<string, number> =>
  Object.fromEntries(
    tables.map((t): [string, number] => [t, header.rows[t]?.length ?? 0]).filter(([, n]) => n > 0),
  );

/** What a restore writes back: the events, the D1 rows of the header, the DO state rebuilt. Pure. */
export function buildRestorePlan(
  def: AggregateRestore,
  facts: RestoreFacts,
  bytes: number,
  environment: string,
): Plan {
  const { row, header, target } = facts;
  const d1Rows = rowCounts(header, def.tables);
  const restore: PlanItem[] = [
    {
      kind: "events",
      label: `${header.events} events from archive ${row.path}`,
      count: header.events,
      bytes,
    },
    ...Object.entries(d1Rows).map(([table, count]) => ({
      kind: "d1-rows" as const,
      table,
      label: `${table} row(s) as they were before the deletion`,
      count,
    })),
    {
      kind: "do-state",
      label: `Durable Object state of ${def.kind} ${target.uuid}, rebuilt from the events`,
      count: 1,
    },
  ];
  return {
    target: { type: def.kind, id: target.id, label: target.label },
    environment,
    options: { archiveId: row.id },
    delete: [],
    keep: [
      { kind: "archive", label: `The archive stays in R2 (marked restored)`, count: header.events, bytes },
    ],
    restore,
    counts: { events: header.events, bytes, d1Rows, doInstances: 1, jwks: 0, environments: 0, nodes: 0 },
    warnings: [],
    fingerprint: {
      archiveId: row.id,
      sha256: row.sha256,
      events: row.events,
      lastSeq: row.last_seq,
      restoredByJob: row.restored_by_job ?? null,
      targetExists: facts.exists ? 1 : 0,
      eventsInR2: facts.r2.events,
    },
  };
}

/** Events R2 holds already that are exactly the archive's (a restore that stopped after writing them). */
const ownEvents = (facts: RestoreFacts) =>
  facts.r2.events === 0 ||
  (facts.r2.events === facts.header.events && facts.r2.lastSeq === facts.header.lastSeq);

/**
 * A restore request, checked before any job exists: 404 for an unknown archive, 422 for one that is
 * damaged (nothing is written), 409 when it was restored already or its target exists again.
 */
export async function prepareRestore(
  env: Env,
  defs: Record<AggregateKind, AggregateRestore>,
  archiveId: string,
  environment: string,
): Promise<PreparedDeletion> {
  const row = await findArchiveById(env.DB, archiveId);
  if (!row) throw ApiError.notFound(`No archive ${archiveId}`);
  if (row.restored_by_job) {
    throw new ApiError(
      409,
      `Archive ${archiveId} was restored already (job ${row.restored_by_job}, ${row.restored_at}): an archive restores once`,
      {
        jobId: row.restored_by_job,
      },
    );
  }
  const checked = await readCheckedArchive(env, row);
  if (!checked.ok) {
    throw new ApiError(
      422,
      `Archive ${archiveId} cannot be restored: ${checked.damage}. Nothing was restored`,
      {
        archiveId,
      },
    );
  }
  const def = defs[row.target_type];
  const facts = await currentFacts(env, def, row, checked.header);
  if (facts.exists || !ownEvents(facts)) {
    throw new ApiError(
      409,
      `${def.kind} ${facts.target.label} exists again: a restore never writes over a target`,
      {
        archiveId,
      },
    );
  }
  const { sql, values } = def.existsSql(facts.target);
  const shift = (text: string) => text.replace(/\?(\d+)/g, (_m, n: string) => `?${Number(n) + 12}`);
  return {
    action: `restore-${def.kind}`,
    target: facts.target,
    options: { archiveId, uuid: facts.target.uuid! },
    fields: {
      archiveId,
      archivePath: row.path,
      targetType: def.kind,
      targetId: facts.target.id,
      uuid: facts.target.uuid,
      ...def.fields(checked.header),
    },
    plan: buildRestorePlan(def, facts, checked.bytes, environment),
    // The claim holds only while the target is still absent and the archive not yet restored.
    existsSql: {
      sql: `SELECT 1 WHERE NOT EXISTS (${shift(sql)}) AND NOT EXISTS (SELECT 1 FROM archives WHERE id = ?${values.length + 13} AND restored_by_job IS NOT NULL)`,
      values: [...values, archiveId],
    },
  };
}

/** The restore's plan now, for the job's check and an approver's: null when the archive is gone. */
export async function currentRestorePlan(
  env: Env,
  def: AggregateRestore,
  job: StoredJob,
): Promise<Plan | null> {
  const row = await findArchiveById(env.DB, String(job.params.options.archiveId));
  if (!row) return null;
  const header = await headerOf(env, row);
  if (!header) return null;
  const facts = await currentFacts(env, def, row, header);
  // The job's own restored mark (a re-run after write-d1-rows) is not a change.
  if (row.restored_by_job === job.jobId) facts.row = { ...row, restored_by_job: null };
  return {
    ...job.params.plan,
    fingerprint: buildRestorePlan(def, facts, 0, job.params.environment).fingerprint,
  };
}

async function headerOf(env: Env, row: ArchiveRow): Promise<ArchiveHeader | null> {
  const object = await env.EVENTS.get(row.path);
  if (!object) return null;
  const body = await object.text();
  const newline = body.indexOf("\n");
  try {
    return decodeArchive(newline < 0 ? body : body.slice(0, newline + 1)).header;
  } catch {
    return null;
  }
}

/** The archive of a restore job, checked again: a step never writes from a damaged one. */
async function checkedOf(ctx: StepContext): Promise<Extract<CheckedArchive, { ok: true }>> {
  const row = await findArchiveById(ctx.env.DB, String(ctx.job.params.options.archiveId));
  if (!row) throw new Error("The archive's registry row is gone");
  const checked = await readCheckedArchive(ctx.env, row);
  if (!checked.ok) throw new Error(`The archive cannot be restored: ${checked.damage}`);
  return checked;
}

/** Only the columns the table has: the header's keys never reach SQL unchecked. */
async function tableColumns(db: D1Database, table: string): Promise<Set<string>> {
  const { results } = await db.prepare(`PRAGMA table_info(${table})`).all<{ name: string }>();
  return new Set(results.map((r) => r.name));
}

async function insertStatements(
  db: D1Database,
  def: AggregateRestore,
  header: ArchiveHeader,
): Promise<D1PreparedStatement[]> {
  const statements: D1PreparedStatement[] = [];
  for (const table of def.tables) {
    const rows = header.rows[table] ?? [];
    if (rows.length === 0) continue;
    const columns = await tableColumns(db, table);
    for (const row of rows) {
      const names = Object.keys(row);
      const unknown = names.filter((n) => !columns.has(n));
      if (unknown.length > 0)
        throw new Error(`The archive's ${table} row has columns this schema lacks: ${unknown.join(", ")}`);
      // Table and column names are checked against the schema above; every value is bound.
      statements.push(
        db
          .prepare(
            `INSERT OR IGNORE INTO ${table} (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map((_n, i) => `?${i + 1}`).join(", ")})`,
          )
          .bind(...names.map((n) => row[n] ?? null)),
      );
    }
  }
  return statements;
}

/**
 * The steps of a restore job, each idempotent: `verify-archive` reads and checks the archive (a
 * damaged one ends the job as a 422, nothing written); `write-events` writes the segments back
 * (same keys, same bytes: a re-run rewrites them identically); `write-d1-rows` inserts the header's
 * rows and marks the archive restored in one transaction (`INSERT OR IGNORE`: a re-run changes
 * nothing); `rebuild-do-state` replays the events into the DO and checks the count.
 */
export function restoreSteps(def: AggregateRestore) {
  return {
    "verify-archive": async (ctx: StepContext): Promise<StepOutcome> => {
      const row = await findArchiveById(ctx.env.DB, String(ctx.job.params.options.archiveId));
      const checked = row ? await readCheckedArchive(ctx.env, row) : null;
      if (!checked?.ok) {
        const damage = checked ? checked.damage : "its registry row is gone";
        return {
          detail: `archive cannot be restored: ${damage}; nothing was written`,
          data: {
            refusal: {
              httpStatus: 422,
              body: {
                error: "Unprocessable Entity",
                code: 422,
                message: `Archive ${ctx.job.params.options.archiveId} cannot be restored: ${damage}. Nothing was restored`,
              },
            },
          },
        };
      }
      return {
        detail: `${checked.events.length} events in ${checked.row.path}, sha256 ${short(checked.row.sha256 ?? "")}, verified`,
        count: checked.events.length,
      };
    },
    "write-events": async (ctx: StepContext): Promise<StepOutcome> => {
      const { events } = await checkedOf(ctx);
      const uuid = ctx.job.target.uuid!;
      // Written as the seed writes a whole history: sealed segments with their state snapshots, so
      // the restored lock reads back the same objects, as fast as before it was deleted.
      const { summary } = await writeHistory(
        ctx.env.EVENTS,
        def.kind,
        uuid,
        events,
        reducerOf(def.kind),
        (done, total) => ctx.progress(done, total),
      );
      return {
        detail: `${events.length} events written back in ${summary.segmentCount} R2 object(s)`,
        count: events.length,
      };
    },
    "write-d1-rows": async (ctx: StepContext): Promise<StepOutcome> => {
      const { header, row } = await checkedOf(ctx);
      const db = ctx.env.DB;
      const statements = await insertStatements(db, def, header);
      const mark = db
        .prepare(
          "UPDATE archives SET restored_by_job = ?2, restored_at = ?3 WHERE id = ?1 AND (restored_by_job IS NULL OR restored_by_job = ?2)",
        )
        .bind(row.id, ctx.job.jobId, new Date().toISOString());
      await db.batch([...statements, mark]);
      const counts = rowCounts(header, def.tables);
      const parts = Object.entries(counts).map(([t, n]) => `${t} ${n}`);
      return {
        detail: `${parts.join(", ")} row(s) written back in one transaction; the archive is marked restored`,
        count: Object.values(counts).reduce((a, b) => a + Number(b), 0),
      };
    },
    "rebuild-do-state": async (ctx: StepContext): Promise<StepOutcome> => {
      const uuid = ctx.job.target.uuid!;
      const stub = aggregateStub(ctx.env, def.kind, uuid);
      await stub.deleteState(uuid);
      const snapshot = (await stub.load(uuid, { verify: true })) as { eventCount: number } | null;
      const expected = ctx.job.params.plan.counts.events;
      if ((snapshot?.eventCount ?? 0) !== expected) {
        throw new Error(`The rebuilt state holds ${snapshot?.eventCount ?? 0} events, expected ${expected}`);
      }
      return { detail: `state of ${def.kind} ${uuid} rebuilt from ${expected} events`, count: 1 };
    },
  } satisfies Partial<Record<JobStepName, (ctx: StepContext) => Promise<StepOutcome>>>;
}

export const restoreLeavesPartial = (step: JobStepName) => WRITING.includes(step);

/** The dry run's answer: the same shape as the result, every step skipped. */
export function restorePreview(
  prepared: PreparedDeletion,
  planToken: string,
  requestId: string,
  duration: number,
) {
  const { plan } = prepared;
  const rows = Object.values(plan.counts.d1Rows).reduce((a, b) => a + b, 0);
  const steps = plannedSteps([
    [
      "verify-archive",
      `read the archive back and check its ${plan.counts.events} events and SHA-256`,
      plan.counts.events,
    ],
    ["write-events", `write ${plan.counts.events} events back to R2`, plan.counts.events],
    ["write-d1-rows", `write ${rows} D1 row(s) back`, rows],
    ["rebuild-do-state", "rebuild the Durable Object state from the events", 1],
  ]);
  return {
    success: true,
    operations: operationLines(steps),
    restoreSummary: `Dry run: nothing was restored. Would restore ${plan.target.type} ${plan.target.label} from its archive: ${plan.counts.events} events and ${rows} D1 row(s).`,
    duration,
    ...prepared.fields,
    summary: emptyRestoreSummary(prepared.fields),
    ...dryRunFields(plan, planToken, requestId, steps),
  };
}

const emptyRestoreSummary = (fields: Record<string, unknown>): RestoreSummary => ({
  eventsRestored: 0,
  bytesRestored: 0,
  d1RowsRestored: {},
  doInstancesRebuilt: 0,
  archiveId: String(fields.archiveId ?? ""),
  archivePath: String(fields.archivePath ?? ""),
  archiveSha256: "",
});

/** The answer of a restore job's end. */
export function restoreResult(end: JobEnd) {
  const { plan, fields } = end.job.params;
  const ran = (name: JobStepName) => end.steps.some((s) => s.name === name && s.status === "done");
  const what = `${plan.target.type} ${plan.target.label}`;
  const sentence = end.refusal
    ? `Nothing was restored: ${String(end.refusal.body.message)}`
    : end.failure
      ? `The restore of ${what} stopped at ${end.failure.step} (${end.failure.message}); a new restore of the same archive finishes it.`
      : `Restored ${what} from its archive: ${plan.counts.events} events, ${Object.values(plan.counts.d1Rows).reduce((a, b) => a + b, 0)} D1 row(s), its state rebuilt.`;
  const steps = deletionSteps(end);
  return jobAnswer(end, {
    success: end.failure === null && end.refusal === null,
    operations: operationLines(steps),
    restoreSummary: sentence,
    duration: end.duration,
    errors: endErrors(end),
    ...fields,
    steps,
    summary: {
      eventsRestored: ran("write-events") ? plan.counts.events : 0,
      bytesRestored: ran("write-events") ? plan.counts.bytes : 0,
      d1RowsRestored: ran("write-d1-rows") ? plan.counts.d1Rows : {},
      doInstancesRebuilt: ran("rebuild-do-state") ? 1 : 0,
      archiveId: String(fields.archiveId),
      archivePath: String(fields.archivePath ?? ""),
      archiveSha256: String(plan.fingerprint.sha256 ?? ""),
    },
  });
}
