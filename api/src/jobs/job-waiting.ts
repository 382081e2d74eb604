import type { AuditAction, AuditOutcome, JobApproval, JobStep } from "@cleanup/shared";
import { appendAudit } from "../audit/audit-log.ts";
import { jobAuditDraft } from "./job-audit.ts";
import { messageOf } from "./job-steps.ts";
import { findJob, setAuditIds, storeEnding, transitionJob } from "./job-store.ts";
import type { StoredJob } from "./job-types.ts";

/** Statuses of a job that has not started running: it can still be cancelled, approved or rejected. */
export const WAITING = ["scheduled", "awaiting-approval"] as const;

export type WaitingEnd = {
  /** Where the job was: the end is one UPDATE from exactly these. */
  from: readonly StoredJob["status"][];
  status: "cancelled" | "failed";
  outcome: AuditOutcome;
  endedBy: string | null;
  approval?: JobApproval;
};

/**
 * Ends a job that never ran (cancelled, rejected, its approval expired): one UPDATE from its waiting
 * status (so of a cancel and the run, or an approval and its expiry, one wins), then its one final
 * audit record (dedupe key `${jobId}:final`), then its answer: a 409 saying nothing was deleted.
 * Returns the ended job, or null when it was no longer waiting.
 */
export async function endWaitingJob(env: Env, job: StoredJob, end: WaitingEnd): Promise<StoredJob | null> {
  const won = await transitionJob(env.DB, job.jobId, end.from, end.status, {
    endedBy: end.endedBy,
    ends: true,
    ...(end.approval ? { approval: end.approval } : {}),
  });
  if (!won) return null;
  await finishWaitingEnd(env, job.jobId, end.outcome);
  return findJob(env.DB, job.jobId);
}

/**
 * What a job ended before it ran says, from its stored row alone: the act that ended it and a
 * repair of its missing final record (a read, after a crash) say the same words.
 */
export function waitingEndMessage(job: StoredJob): string {
  const { approval } = job;
  if (approval?.decision === "expired") {
    return `Nobody approved the ${job.action} of ${job.target.type} ${job.target.label} before ${approval.expiresAt} (APPROVAL_TTL): the request expired and nothing was changed`;
  }
  if (approval?.decision === "rejected") {
    return `Rejected by ${approval.decidedBy}${approval.reason ? ` (${approval.reason})` : ""}: nothing was deleted`;
  }
  return `Cancelled by ${job.endedBy} before it ran: nothing was deleted`;
}

/**
 * The final record and answer of a job ended before it ran. Idempotent (the dedupe key): a read of
 * an ended job that lacks its final record (the api died between the UPDATE and the append) calls
 * it again.
 */
export async function finishWaitingEnd(env: Env, jobId: string, outcome: AuditOutcome): Promise<void> {
  const job = await findJob(env.DB, jobId);
  if (!job) return;
  const message = waitingEndMessage(job);
  const body = { error: "Conflict", code: 409, message, jobId, success: false };
  const record = await appendAudit(env, jobAuditDraft(job, outcome, body, 409), {
    dedupeKey: `${jobId}:final`,
  });
  const ids = [...job.auditIds];
  ids[1] = record.id;
  await setAuditIds(env.DB, jobId, ids.map((id) => id ?? null) as string[]);
  const now = new Date().toISOString();
  const steps: JobStep[] = job.steps.map((s) =>
    s.name === "record-final"
      ? { ...s, status: "done", startedAt: now, endedAt: now, done: 1, total: 1, detail: message }
      : s.status === "pending"
        ? { ...s, status: "skipped", detail: `not run: ${message}` }
        : s,
  );
  await storeEnding(env.DB, jobId, {
    result: { httpStatus: 409, body: { ...body, auditId: record.id, auditLogPath: record.path } },
    error: { step: null, message },
    steps,
  });
}

/**
 * The record of an act on a job by a staff member (cancel, approve, reject; the request for a
 * schedule or an approval): filed under the job's target with the act's actor and reason, once per
 * act (dedupe key `${jobId}:${action}`), and kept among the job's audit ids.
 */
export async function recordJobAct(
  env: Env,
  job: StoredJob,
  act: {
    action: AuditAction;
    actor: string;
    reason: string | null;
    requestId: string;
    detail: Record<string, unknown>;
  },
): Promise<{ id: string; path: string }> {
  const draft = {
    ...jobAuditDraft(job, "success", act.detail, 200),
    action: act.action,
    actor: act.actor,
    reason: act.reason,
    requestId: act.requestId,
    clientRequestId: null,
  };
  const record = await appendAudit(env, draft, { dedupeKey: `${job.jobId}:${act.action}` });
  const current = (await findJob(env.DB, job.jobId)) ?? job;
  const ids: (string | null)[] = [current.auditIds[0] ?? null, current.auditIds[1] ?? null];
  const acts = current.auditIds.slice(2).filter((id) => id && id !== record.id);
  await setAuditIds(env.DB, job.jobId, [...ids, ...acts, record.id] as string[]);
  return { id: record.id, path: record.path };
}

/**
 * Wakes a job's Workflow instance that waits for a decision, so it reads the job's end in D1 and
 * returns. A sleeping one (scheduled) is left to wake at its `runAt` and return then: terminating an
 * instance aborts its engine mid-write locally, and a sleeping instance costs nothing. Best effort:
 * a wait also ends at its timeout, and finds the same.
 */
export async function stopInstance(env: Env, jobId: string): Promise<void> {
  try {
    const instance = await env.DELETION_JOBS.get(jobId);
    await instance.sendEvent({ type: "decision", payload: { decision: "ended" } });
  } catch (err) {
    console.log(JSON.stringify({ jobWakeSkipped: { jobId, why: messageOf(err) } }));
  }
}

/** The approval request of a new job that needs a second person. */
export function newApproval(ttlMs: number, now = Date.now()): JobApproval {
  return {
    expiresAt: new Date(now + ttlMs).toISOString(),
    decision: null,
    decidedBy: null,
    decidedAt: null,
    reason: null,
  };
}

/**
 * Expires a job whose approval request is older than APPROVAL_TTL (the Workflow's wait timed out, or
 * a read found it first): ended `failed`, audited `failure`, nothing deleted. Returns whether it did.
 */
export async function expireIfDue(
  env: Env,
  job: StoredJob,
  { now = Date.now(), stop = true }: { now?: number; stop?: boolean } = {},
): Promise<boolean> {
  if (job.status !== "awaiting-approval" || !job.approval) return false;
  if (Date.parse(job.approval.expiresAt) > now) return false;
  const ended = await endWaitingJob(env, job, {
    from: ["awaiting-approval"],
    status: "failed",
    outcome: "failure",
    endedBy: null,
    approval: { ...job.approval, decision: "expired", decidedAt: new Date(now).toISOString() },
  });
  if (ended && stop) await stopInstance(env, job.jobId);
  return ended !== null;
}

/** Expires every approval request past its time (before the approvals page lists them). */
export async function expireOverdueApprovals(env: Env): Promise<void> {
  const { results } = await env.DB.prepare(
    `SELECT job_id FROM jobs WHERE status = 'awaiting-approval' AND json_extract(approval, '$.expiresAt') <= ?1 LIMIT 50`,
  )
    .bind(new Date().toISOString())
    .all<{ job_id: string }>();
  for (const { job_id: jobId } of results) {
    const job = await findJob(env.DB, jobId);
    if (job) await expireIfDue(env, job);
  }
}

/**
 * The record of a request that does not run at once: `request-approval` (a second person must approve)
 * or `schedule-deletion` (a waiting period), by the requester, once (its Workflow writes it again
 * first thing, so a crash right after the claim loses nothing).
 */
export async function recordRequest(env: Env, jobId: string): Promise<void> {
  const job = await findJob(env.DB, jobId);
  if (!job) return;
  const actions: AuditAction[] = [];
  if (job.params.schedule) actions.push("schedule-deletion");
  if (job.params.needsApproval) actions.push("request-approval");
  for (const action of actions) {
    await recordJobAct(env, job, {
      action,
      actor: job.actor,
      reason: job.params.reason,
      requestId: job.params.requestId,
      detail: {
        requested: job.action,
        runAt: job.runAt,
        schedule: job.params.schedule ?? null,
        approval: job.approval,
      },
    });
  }
}
