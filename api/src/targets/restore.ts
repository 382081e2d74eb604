import type { AggregateKind } from "../storage/event-store.ts";
import {
  type AggregateRestore,
  currentRestorePlan,
  prepareRestore,
  RESTORE_STEPS,
  restoreLeavesPartial,
  restorePreview,
  restoreResult,
  restoreSteps,
} from "./aggregate-restore.ts";
import { hubRestore } from "./hub.ts";
import { lockRestore } from "./lock.ts";
import type { DeletionTarget, StepContext } from "./target.ts";

const DEFS: Record<AggregateKind, AggregateRestore> = { lock: lockRestore, hub: hubRestore };
const STEPS = { lock: restoreSteps(lockRestore), hub: restoreSteps(hubRestore) };

/** The step of the job's kind (a job's target type is the archive's: lock or hub). */
const stepOf = (name: keyof (typeof STEPS)["lock"]) => (ctx: StepContext) =>
  STEPS[ctx.job.target.type as AggregateKind][name](ctx);

/**
 * `POST /admin/archives/{archiveId}/restore` (issue 2.3): a restore is a job like a deletion — the
 * same claim (one live job per target), plan and token, If-Match, Idempotency-Key, approval and
 * audit — whose steps write the archive back instead of deleting. Locks and hubs say what is theirs
 * (`lockRestore`, `hubRestore`); project keys and organization keys have no archive (permanent).
 */
export const restoreTarget: DeletionTarget = {
  endpoint: "restoreArchive",
  prepare: (c, params) => prepareRestore(c.env, DEFS, params.archiveId!, c.var.config.environment),
  steps: () => RESTORE_STEPS,
  currentPlan: (env, job) => currentRestorePlan(env, DEFS[job.target.type as AggregateKind], job),
  leavesPartial: (step) => restoreLeavesPartial(step),
  run: {
    "verify-archive": stepOf("verify-archive"),
    "write-events": stepOf("write-events"),
    "write-d1-rows": stepOf("write-d1-rows"),
    "rebuild-do-state": stepOf("rebuild-do-state"),
  },
  preview: restorePreview,
  result: restoreResult,
};
