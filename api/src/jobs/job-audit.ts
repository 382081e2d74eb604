import type { AuditOutcome, AuditRecord } from "@cleanup/shared";
import { appendAudit } from "../audit/audit-log.ts";
import type { AuditDraft } from "../audit/record.ts";
import { findJob, setAuditIds } from "./job-store.ts";
import type { StoredJob } from "./job-types.ts";

/** The job's two records: `started` before its first destructive step, then exactly one final one. */
export type JobRecordKind = "started" | "final";

/** The audit draft of a job's record: who asked, for what, with which plan, and what came of it. */
export function jobAuditDraft(
  job: StoredJob,
  outcome: AuditOutcome,
  result: unknown,
  httpStatus: number,
): AuditDraft {
  return {
    action: job.action,
    targetType: job.target.type,
    targetId: job.target.id,
    // A lock's UUID beside its numeric id, so its records are found by either.
    targetAlias: job.target.type === "lock" ? job.target.uuid : null,
    outcome,
    options: job.params.options,
    plan: job.params.plan,
    result,
    httpStatus,
    actor: job.actor,
    environment: job.params.environment,
    reason: job.params.reason,
    requestId: job.params.requestId,
    clientRequestId: job.params.clientRequestId,
    jobId: job.jobId,
  };
}

/**
 * Appends the job's `kind` record once (dedupe key `${jobId}:${kind}`): a step that runs again after
 * a crash — even one between the append and the step's end — gets the record it wrote the first
 * time, and nothing is written twice. The record ids are kept on the job.
 */
export async function appendJobRecord(
  env: Env,
  job: StoredJob,
  kind: JobRecordKind,
  draft: AuditDraft,
): Promise<Pick<AuditRecord, "id" | "path">> {
  const record = await appendAudit(env, draft, { dedupeKey: `${job.jobId}:${kind}` });
  const current = await findJob(env.DB, job.jobId);
  const ids = [...(current?.auditIds ?? [])];
  ids[kind === "started" ? 0 : 1] = record.id;
  await setAuditIds(env.DB, job.jobId, ids);
  return { id: record.id, path: record.path };
}
