import type { DevActivityResponse } from "@cleanup/shared";
import { isLiveJobStatus } from "@cleanup/shared";
import { requireHub } from "../domain/hubs.ts";
import { requireLock } from "../domain/locks.ts";
import { FROZEN_MESSAGE } from "../durable-objects/event-sourced-aggregate.ts";
import { ApiError } from "../http/errors.ts";
import { deletionMarkerFor } from "../jobs/job-store.ts";
import { hubStub, lockStub } from "../storage/aggregates-registry.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

/**
 * 409 while a deletion job holds the target: its DO refuses appends, and this says so first. A job
 * still waiting (scheduled, awaiting approval) froze nothing: the device lives on, and the job's
 * check at its start fails as a 412 if that changed the target.
 */
async function refuseWhileDeleting(db: D1Database, type: "lock" | "hub", id: string) {
  const marker = await deletionMarkerFor(db, type, id);
  const waiting = marker?.status === "scheduled" || marker?.status === "awaiting-approval";
  if (marker && isLiveJobStatus(marker.status) && !waiting) {
    throw new ApiError(409, `A deletion job holds this ${type} (job ${marker.jobId})`, {
      jobId: marker.jobId,
    });
  }
}

/** The DO's refusal of a frozen aggregate, as the 409 it is. */
async function appending<T>(append: () => Promise<T>): Promise<T> {
  try {
    return await append();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (message.includes(FROZEN_MESSAGE)) {
      const jobId = message.slice(message.indexOf(FROZEN_MESSAGE) + FROZEN_MESSAGE.length).trim();
      throw new ApiError(409, `A deletion job holds this target (job ${jobId})`, { jobId });
    }
    throw err;
  }
}

/**
 * Dev only: simulates device activity by appending one event to a lock or hub, so a test can
 * change a target between its preview and the deletion (and see the 412). 403 outside dev.
 */
export const devActivityHandlers: EndpointHandlers<"simulateLockActivity" | "simulateHubActivity"> = {
  simulateLockActivity: async (c, { params }) => {
    const lock = await requireLock(c.env.DB, params.lockId);
    await refuseWhileDeleting(c.env.DB, "lock", String(lock.lock_id));
    const stub = lockStub(c.env, lock.uuid);
    const current = await stub.load(lock.uuid);
    const type = current?.state.locked === false ? "LOCKED" : "UNLOCKED";
    const snapshot = await appending(() =>
      stub.append(lock.uuid, [{ type, data: { actor: c.var.identity?.email ?? "dev" } }]),
    );
    const body: DevActivityResponse = {
      lockId: lock.lock_id,
      appended: type,
      eventCount: snapshot.eventCount,
    };
    return c.json(body);
  },
  simulateHubActivity: async (c, { params }) => {
    const hub = await requireHub(c.env.DB, params.hubId);
    await refuseWhileDeleting(c.env.DB, "hub", hub.id);
    const snapshot = await appending(() =>
      hubStub(c.env, hub.id).append(hub.id, [{ type: "HEARTBEAT", data: {} }]),
    );
    const body: DevActivityResponse = {
      hubId: hub.id,
      appended: "HEARTBEAT",
      eventCount: snapshot.eventCount,
    };
    return c.json(body);
  },
};
