import type { DeletionMode, Plan } from "@cleanup/shared";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import {
  type D1Deletion,
  deleteAggregate,
  emptySummary,
  plannedOperations,
} from "../domain/aggregate-deletion.ts";
import { planTokenOf, requireUnchangedPlan } from "../domain/plan-token.ts";
import { requestIds } from "../http/request-id.ts";
import type { AggregateKind } from "../storage/event-store.ts";
import { type DeletionAudit, respondWithDeletion, respondWithPreview } from "./deletion-response.ts";

export type AggregateDeletionRequest<F extends object> = {
  started: number;
  plan: Plan;
  kind: AggregateKind;
  /** The aggregate's UUID. */
  id: string;
  mode: DeletionMode;
  dryRun: boolean;
  d1: D1Deletion[];
  /** Fields the published response adds for this target (`lockId`, `hubId`, `cascadeDeleteKeys`…). */
  fields: F;
  audit: Omit<DeletionAudit, "plan">;
};

/**
 * The shared flow of the hub and lock deletions once the target is found and its plan built:
 * a dry run stores the plan and returns it with its token; a real run checks `If-Match`,
 * deletes, writes the audit record and responds.
 */
export async function runAggregateDeletion<F extends object>(
  c: Context<AppEnv>,
  req: AggregateDeletionRequest<F>,
) {
  const planToken = await planTokenOf(req.plan);
  const common = { ...req.fields, mode: req.mode, plan: req.plan, planToken, ...requestIds(c) };

  if (req.dryRun) {
    const d1Rows = Object.values(req.plan.counts.d1Rows).reduce((a, b) => a + b, 0);
    return respondWithPreview(c, req.plan, planToken, {
      ...common,
      success: true,
      operations: plannedOperations(req.mode, req.plan.counts.events, d1Rows),
      deletionSummary: emptySummary(),
      duration: Date.now() - req.started,
      errors: [],
    });
  }

  const previewed = await requireUnchangedPlan(c, req.plan, planToken);
  const outcome = await deleteAggregate({
    env: c.env,
    kind: req.kind,
    id: req.id,
    mode: req.mode,
    requestId: c.var.requestId,
    d1: req.d1,
  });
  const body = {
    ...common,
    ...outcome,
    dryRun: false,
    auditLogPath: null,
    duration: Date.now() - req.started,
  };
  return respondWithDeletion(c, { ...req.audit, plan: previewed ?? req.plan }, body);
}
