import { type LockDetail, LockPathParams } from "@cleanup/shared";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { initialLockState } from "../domain/lock-state.ts";
import { lockKeyAssignments, lockRowCounts, requireLock } from "../domain/locks.ts";
import { NoQuery, validParams, validQuery } from "../http/validate.ts";
import { lockStub } from "../storage/aggregates-registry.ts";

/**
 * `GET /admin/locks/{lockId}` (numeric id or UUID): the lock's read model and its aggregate
 * state replayed from events. Identical whether or not its DO state had been deleted.
 */
export const lockRoutes = new Hono<AppEnv>().get(
  "/admin/locks/:lockId",
  validParams(LockPathParams),
  validQuery(NoQuery),
  async (c) => {
    const lock = await requireLock(c.env.DB, c.req.valid("param").lockId);
    const [snapshot, counts, keyAssignments] = await Promise.all([
      lockStub(c.env, lock.uuid).load(lock.uuid),
      lockRowCounts(c.env.DB, lock.lock_id),
      lockKeyAssignments(c.env.DB, lock.lock_id),
    ]);
    const body: LockDetail = {
      type: "lock",
      lockId: lock.lock_id,
      uuid: lock.uuid,
      name: lock.name,
      hubId: lock.hub_id,
      state: snapshot?.state ?? { ...initialLockState(), name: lock.name, hubId: lock.hub_id },
      eventCount: snapshot?.eventCount ?? 0,
      eventBytes: snapshot?.eventBytes ?? 0,
      lastEventAt: snapshot?.lastEventAt ?? null,
      keyAssignmentCount: counts.keyAssignments,
      tempKeyCount: counts.tempKeys,
      keyAssignments,
      createdAt: lock.created_at,
    };
    return c.json(body);
  },
);
