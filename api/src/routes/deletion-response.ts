import type { AuditAction, Plan } from "@cleanup/shared";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { storePreview } from "../domain/plan-token.ts";
import { internalErrorBody } from "../http/errors.ts";

type DeletionBody = { success: boolean; errors: string[]; plan?: Plan };

export type DeletionAudit = {
  action: AuditAction;
  targetType: string;
  targetId: string;
  /** The target's other id (a lock's UUID), so its records are found by either. */
  targetAlias?: string;
  options: Record<string, unknown>;
  /** The plan the caller previewed (If-Match), else the plan that was executed. */
  plan: Plan;
};

/**
 * Answers a dry run: the endpoint's own fields plus `dryRun`, the plan and its token, which is
 * stored so that a later 412 can say what changed since this preview. Nothing is audited.
 */
export async function respondWithPreview<F extends object>(
  c: Context<AppEnv>,
  plan: Plan,
  planToken: string,
  fields: F,
) {
  await storePreview(c.env.DB, planToken, plan);
  return c.json({ ...fields, dryRun: true, plan, planToken, auditLogPath: null, auditId: null });
}

/**
 * Records a finished deletion in the audit log and sends it: 200 when every step succeeded,
 * otherwise 500 with the published error fields alongside the operations that did run.
 */
export async function respondWithDeletion<B extends DeletionBody>(
  c: Context<AppEnv>,
  audit: DeletionAudit,
  body: B,
) {
  const status = body.success ? 200 : 500;
  const errors = [...body.errors];
  let auditLogPath: string | null = null;
  let auditId: string | null = null;
  try {
    const { plan: _plan, ...result } = body;
    const record = await writeAudit(c, {
      ...audit,
      outcome: body.success ? "success" : "failure",
      result,
      httpStatus: status,
    });
    auditLogPath = record.path;
    auditId = record.id;
  } catch (err) {
    console.error(`[${c.var.requestId}] could not write the audit record`, err);
    errors.push("audit: the audit record could not be written");
  }
  const final = { ...body, errors, auditLogPath, auditId };
  if (body.success) return c.json(final, 200);
  const message = `The deletion did not complete: ${errors[0] ?? "unknown error"}`;
  return c.json({ ...internalErrorBody(c.var.requestId, message), ...final }, 500);
}
