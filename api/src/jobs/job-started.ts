import type { StepContext, StepOutcome } from "../targets/target.ts";
import { appendJobRecord, jobAuditDraft } from "./job-audit.ts";

/** `record-started`: the intent goes on record before anything is touched. */
export async function recordStarted({ env, job }: StepContext): Promise<StepOutcome> {
  const record = await appendJobRecord(env, job, "started", jobAuditDraft(job, "started", null, 202));
  return { detail: `intent recorded in the audit log (record ${record.id})`, data: { auditId: record.id } };
}
