import { LockDeleteQuery, LockPathParams } from "@cleanup/shared";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { collectLockFacts } from "../domain/lock-facts.ts";
import { buildLockPlan } from "../domain/lock-plan.ts";
import { lockD1Deletions, requireLock } from "../domain/locks.ts";
import { validParams, validQuery } from "../http/validate.ts";
import { runAggregateDeletion } from "./aggregate-deletion-flow.ts";

/**
 * `DELETE /admin/cleanup/locks/{lockId}?mode=&cascadeDeleteKeys=&dryRun=` (published endpoint 3).
 * Input is validated before anything is looked up; a dry run stores its plan and deletes nothing;
 * `If-Match: "<planToken>"` makes the deletion apply exactly what was previewed, or 412.
 */
export const cleanupLockRoutes = new Hono<AppEnv>().delete(
  "/admin/cleanup/locks/:lockId",
  validParams(LockPathParams),
  validQuery(LockDeleteQuery),
  async (c) => {
    const started = Date.now();
    const { mode, cascadeDeleteKeys, dryRun } = c.req.valid("query");
    const lock = await requireLock(c.env.DB, c.req.valid("param").lockId);
    const facts = await collectLockFacts(c.env, lock);
    return runAggregateDeletion(c, {
      started,
      plan: buildLockPlan(facts, { mode, cascadeDeleteKeys }, c.var.config.environment),
      kind: "lock",
      id: lock.uuid,
      mode,
      dryRun,
      d1: lockD1Deletions(c.env.DB, lock, cascadeDeleteKeys),
      // The published shape is the hub's plus lockId and cascadeDeleteKeys: hubId is the lock's hub.
      fields: { hubId: lock.hub_id, lockId: String(lock.lock_id), cascadeDeleteKeys },
      audit: {
        action: "delete-lock",
        targetType: "lock",
        targetId: String(lock.lock_id),
        targetAlias: lock.uuid,
        options: { mode, cascadeDeleteKeys, uuid: lock.uuid },
      },
    });
  },
);
