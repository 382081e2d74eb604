import {
  type AuditAction,
  type Job,
  type JobListQuery,
  type JobStatus,
  type JobStep,
  type JobStepName,
  type JobTargetType,
  LIVE_JOB_STATUSES,
} from "@cleanup/shared";
import type { JobParams, JobRow, JobTarget, StoredJob } from "./job-types.ts";

/** `status IN (…live…)`: fixed SQL, no input. */
const LIVE_SQL = `(${LIVE_JOB_STATUSES.map((s) => `'${s}'`).join(", ")})`;

export function fromRow(row: JobRow): StoredJob {
  return {
    seq: row.seq,
    jobId: row.job_id,
    action: row.action as AuditAction,
    target: {
      type: row.target_type as JobTargetType,
      id: row.target_id,
      uuid: row.target_uuid,
      label: row.target_label,
    },
    status: row.status as JobStatus,
    actor: row.actor,
    idemKey: row.idem_key,
    requestHash: row.request_hash,
    params: JSON.parse(row.params) as JobParams,
    steps: JSON.parse(row.steps) as JobStep[],
    result: row.result ? (JSON.parse(row.result) as StoredJob["result"]) : null,
    error: row.error ? (JSON.parse(row.error) as StoredJob["error"]) : null,
    auditIds: JSON.parse(row.audit_ids) as string[],
    partial: row.partial === 1,
    createdAt: row.created_at,
    runAt: row.run_at,
    endedAt: row.ended_at,
    updatedAt: row.updated_at,
    approval: row.approval ? (JSON.parse(row.approval) as StoredJob["approval"]) : null,
    endedBy: row.ended_by ?? null,
  };
}

/** The published job (DESIGN §3.4) of a stored one. */
export function toJob(job: StoredJob): Job {
  const finished = job.steps.filter((s) => s.status === "done" || s.status === "skipped").length;
  return {
    jobId: job.jobId,
    action: job.action,
    target: { type: job.target.type, id: job.target.id, label: job.target.label },
    status: job.status,
    actor: job.actor,
    createdAt: job.createdAt,
    runAt: job.runAt,
    steps: job.steps,
    progress: { done: finished, total: job.steps.length },
    result: job.result,
    auditIds: job.auditIds.filter((id): id is string => typeof id === "string"),
    error: job.error,
    options: job.params.options,
    planToken: job.params.planToken,
    updatedAt: job.updatedAt,
    endedAt: job.endedAt,
    partial: job.partial,
    plan: job.params.plan,
    reason: job.params.reason,
    schedule: job.params.schedule ?? null,
    approval: job.approval,
    endedBy: job.endedBy,
  };
}

export async function findJob(db: D1Database, jobId: string): Promise<StoredJob | null> {
  const row = await db.prepare("SELECT * FROM jobs WHERE job_id = ?1").bind(jobId).first<JobRow>();
  return row ? fromRow(row) : null;
}

export async function findJobByKey(db: D1Database, actor: string, key: string): Promise<StoredJob | null> {
  const row = await db
    .prepare("SELECT * FROM jobs WHERE actor = ?1 AND idem_key = ?2")
    .bind(actor, key)
    .first<JobRow>();
  return row ? fromRow(row) : null;
}

/**
 * The live job that stands in the way of a deletion of `target`: one of the target itself, or
 * delete-all's (which holds every target); for delete-all, any live job.
 */
export async function findBlockingJob(db: D1Database, target: JobTarget): Promise<StoredJob | null> {
  const sql =
    target.type === "environment"
      ? `SELECT * FROM jobs WHERE status IN ${LIVE_SQL} ORDER BY seq LIMIT 1`
      : `SELECT * FROM jobs WHERE status IN ${LIVE_SQL}
           AND ((target_type = ?1 AND target_id = ?2) OR target_type = 'environment') ORDER BY seq LIMIT 1`;
  const statement = db.prepare(sql);
  const row = await (target.type === "environment"
    ? statement
    : statement.bind(target.type, target.id)
  ).first<JobRow>();
  return row ? fromRow(row) : null;
}

/**
 * What a read of a target shows about deletions (DESIGN §3.4): the live job that holds it (its
 * own, or delete-all's), else its latest job when that one failed part-way; null otherwise.
 */
export async function deletionMarkerFor(
  db: D1Database,
  type: JobTargetType,
  id: string,
): Promise<{ jobId: string; status: JobStatus } | null> {
  const row = await db
    .prepare(
      `SELECT job_id, status FROM (
         SELECT job_id, status, 0 AS rank, seq FROM jobs WHERE status IN ${LIVE_SQL}
           AND ((target_type = ?1 AND target_id = ?2) OR target_type = 'environment')
         UNION ALL
         SELECT job_id, status, 1 AS rank, seq FROM (
           SELECT job_id, status, partial, seq FROM jobs WHERE target_type = ?1 AND target_id = ?2
           ORDER BY seq DESC LIMIT 1) WHERE status = 'failed' AND partial = 1
       ) ORDER BY rank, seq DESC LIMIT 1`,
    )
    .bind(type, id)
    .first<{ job_id: string; status: JobStatus }>();
  return row ? { jobId: row.job_id, status: row.status } : null;
}

export type NewJob = {
  jobId: string;
  action: AuditAction;
  target: JobTarget;
  actor: string;
  idemKey: string | null;
  requestHash: string;
  params: JobParams;
  steps: JobStepName[];
  /** `queued` (runs now), `scheduled` (at `runAt`) or `awaiting-approval` (issue 2.3). */
  status?: "queued" | "scheduled" | "awaiting-approval";
  runAt?: string;
  approval?: StoredJob["approval"];
  /** Only while the target still exists (the same statement checks, so a finished deletion's loser makes no job). */
  existsSql?: { sql: string; values: unknown[] };
};

/**
 * Claims the target for a new job in one INSERT: it fails (returns false) when another live job
 * holds the target (the partial UNIQUE index), when delete-all is live or — for delete-all — any job
 * is live (`NOT EXISTS` in the same statement), when the actor's Idempotency-Key names another job
 * (UNIQUE), or when the target is already gone (`existsSql`).
 */
export async function claimJob(db: D1Database, job: NewJob): Promise<boolean> {
  const now = new Date().toISOString();
  const steps: JobStep[] = job.steps.map((name) => ({
    name,
    status: "pending",
    done: null,
    total: null,
    startedAt: null,
    endedAt: null,
    detail: null,
  }));
  const blocking =
    job.target.type === "environment"
      ? `SELECT 1 FROM jobs WHERE status IN ${LIVE_SQL}`
      : `SELECT 1 FROM jobs WHERE status IN ${LIVE_SQL} AND target_type = 'environment'`;
  const exists = job.existsSql ? ` AND EXISTS (${job.existsSql.sql})` : "";
  const values = [
    job.jobId,
    job.action,
    job.target.type,
    job.target.id,
    job.target.uuid,
    job.target.label,
    job.actor,
    job.idemKey,
    job.requestHash,
    JSON.stringify(job.params),
    JSON.stringify(steps),
    now,
    ...(job.existsSql?.values ?? []),
  ];
  // The target's own `existsSql` uses ?13, ?14…: its values follow the twelve above; ours come last.
  const n = values.length;
  values.push(job.status ?? "queued", job.runAt ?? now, job.approval ? JSON.stringify(job.approval) : null);
  const result = await db
    .prepare(
      `INSERT INTO jobs (job_id, action, target_type, target_id, target_uuid, target_label, status, actor,
         idem_key, request_hash, params, steps, created_at, run_at, updated_at, approval)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?${n + 1}, ?7, ?8, ?9, ?10, ?11, ?12, ?${n + 2}, ?12, ?${n + 3}
       WHERE NOT EXISTS (${blocking})${exists}
       ON CONFLICT DO NOTHING`,
    )
    .bind(...values)
    .run();
  return result.meta.changes === 1;
}

/**
 * Sets one step's fields (read-modify-write of the steps array; the job's Workflow is its only
 * writer). Never once the job has ended: an execution the engine abandoned mid-step (a pause, a step
 * timeout) may still be running its code, and must not turn an ended job back into a running one.
 */
export async function updateStep(
  db: D1Database,
  jobId: string,
  name: JobStepName,
  patch: Partial<JobStep>,
  jobPatch: { status?: JobStatus; partial?: boolean } = {},
): Promise<void> {
  const row = await db
    .prepare("SELECT steps, ended_at FROM jobs WHERE job_id = ?1")
    .bind(jobId)
    .first<{ steps: string; ended_at: string | null }>();
  if (!row) throw new Error(`Job ${jobId} has no row`);
  if (row.ended_at !== null) return;
  const steps = (JSON.parse(row.steps) as JobStep[]).map((s) => (s.name === name ? { ...s, ...patch } : s));
  await db
    .prepare(
      `UPDATE jobs SET steps = ?2, updated_at = ?3, status = COALESCE(?4, status),
         partial = CASE WHEN ?5 IS NULL THEN partial ELSE ?5 END WHERE job_id = ?1 AND ended_at IS NULL`,
    )
    .bind(
      jobId,
      JSON.stringify(steps),
      new Date().toISOString(),
      jobPatch.status ?? null,
      jobPatch.partial === undefined ? null : jobPatch.partial ? 1 : 0,
    )
    .run();
}

/** The job's end: its status, result, error, audit records and final steps, in one UPDATE. */
export async function finishJob(
  db: D1Database,
  jobId: string,
  end: {
    status: JobStatus;
    result: StoredJob["result"];
    error: StoredJob["error"];
    auditIds: string[];
    steps: JobStep[];
    partial: boolean;
  },
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .prepare(
      `UPDATE jobs SET status = ?2, result = ?3, error = ?4, audit_ids = ?5, steps = ?6, partial = ?7,
         ended_at = COALESCE(ended_at, ?8), updated_at = ?8 WHERE job_id = ?1`,
    )
    .bind(
      jobId,
      end.status,
      JSON.stringify(end.result),
      end.error ? JSON.stringify(end.error) : null,
      JSON.stringify(end.auditIds),
      JSON.stringify(end.steps),
      end.partial ? 1 : 0,
      now,
    )
    .run();
}

/**
 * Moves a job from one of `from` to `to` in one UPDATE, so of two racing acts (a cancel and the
 * run, an approval and its expiry, two approvals) exactly one wins: true for the winner.
 */
export async function transitionJob(
  db: D1Database,
  jobId: string,
  from: readonly StoredJob["status"][],
  to: StoredJob["status"],
  patch: { approval?: StoredJob["approval"]; runAt?: string; endedBy?: string | null; ends?: boolean } = {},
): Promise<boolean> {
  const now = new Date().toISOString();
  const fromSql = from.map((_s, i) => `?${i + 8}`).join(", ");
  const result = await db
    .prepare(
      `UPDATE jobs SET status = ?2, updated_at = ?3, approval = COALESCE(?4, approval), run_at = COALESCE(?5, run_at),
         ended_by = COALESCE(?6, ended_by), ended_at = CASE WHEN ?7 = 1 THEN COALESCE(ended_at, ?3) ELSE ended_at END
       WHERE job_id = ?1 AND status IN (${fromSql})`,
    )
    .bind(
      jobId,
      to,
      now,
      patch.approval ? JSON.stringify(patch.approval) : null,
      patch.runAt ?? null,
      patch.endedBy ?? null,
      patch.ends ? 1 : 0,
      ...from,
    )
    .run();
  return result.meta.changes === 1;
}

/** Stores an ended job's answer, error and steps (after `transitionJob` ended it). */
export async function storeEnding(
  db: D1Database,
  jobId: string,
  end: { result: StoredJob["result"]; error: StoredJob["error"]; steps: JobStep[] },
): Promise<void> {
  await db
    .prepare("UPDATE jobs SET result = ?2, error = ?3, steps = ?4, updated_at = ?5 WHERE job_id = ?1")
    .bind(
      jobId,
      JSON.stringify(end.result),
      end.error ? JSON.stringify(end.error) : null,
      JSON.stringify(end.steps),
      new Date().toISOString(),
    )
    .run();
}

export async function setAuditIds(db: D1Database, jobId: string, auditIds: string[]): Promise<void> {
  await db
    .prepare("UPDATE jobs SET audit_ids = ?2 WHERE job_id = ?1")
    .bind(jobId, JSON.stringify(auditIds))
    .run();
}

/**
 * One page of jobs, newest first; `cursor` is the `seq` to continue below. Each filter is an
 * equality on an indexed column; values are always bound.
 */
export async function listJobs(
  db: D1Database,
  query: JobListQuery,
): Promise<{ items: Job[]; nextCursor: string | null }> {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    values.push(value);
    conditions.push(sql.replace("?", `?${values.length}`));
  };
  if (query.status) add("status = ?", query.status);
  if (query.targetType) add("target_type = ?", query.targetType);
  if (query.targetId) {
    // A lock by its numeric id or its UUID, a hub by its UUID in any case.
    values.push(query.targetId, query.targetId.toLowerCase());
    conditions.push(`(target_id = ?${values.length - 1} OR target_uuid = ?${values.length})`);
  }
  if (query.cursor) add("seq < ?", Number(query.cursor));
  const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
  values.push(query.limit + 1);
  const { results } = await db
    .prepare(`SELECT * FROM jobs ${where} ORDER BY seq DESC LIMIT ?${values.length}`)
    .bind(...values)
    .all<JobRow>();
  const page = results.slice(0, query.limit).map(fromRow);
  const more = results.length > query.limit;
  return { items: page.map(toJob), nextCursor: more ? String(page[page.length - 1]!.seq) : null };
}
