import type { LockDetail } from "@cleanup/shared";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { initialLockState } from "../domain/lock-state.ts";
import { lockKeyAssignments, lockRowCounts, requireLock } from "../domain/locks.ts";
import { deletionMarkerFor } from "../jobs/job-store.ts";
import { lockStub } from "../storage/aggregates-registry.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

/**
 * `GET /admin/locks/{lockId}` (numeric id or UUID): the lock's read model and its aggregate state
 * replayed from events, identical whether or not its DO state had been deleted. While a deletion
 * job holds it, `deletion` says so and the state is checked against R2 first.
 */
export const lockReadHandlers: EndpointHandlers<"getLock"> = {
  getLock: async (c: Context<AppEnv>, { params }) => {
    const lock = await requireLock(c.env.DB, params.lockId);
    const deletion = await deletionMarkerFor(c.env.DB, "lock", String(lock.lock_id));
    const [snapshot, counts, keyAssignments] = await Promise.all([
      lockStub(c.env, lock.uuid).load(lock.uuid, { verify: deletion !== null }),
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
      deletion,
    };
    return c.json(body);
  },
};
