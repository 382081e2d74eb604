import type { HubDetail } from "@cleanup/shared";
import { initialHubState } from "../domain/hub-state.ts";
import { requireHub } from "../domain/hubs.ts";
import { deletionMarkerFor } from "../jobs/job-store.ts";
import { hubStub } from "../storage/aggregates-registry.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

/**
 * `GET /admin/hubs/{hubId}`: the hub's read model and its aggregate state replayed from events,
 * identical whether or not its DO state had been deleted. While a deletion job holds it,
 * `deletion` says so and the state is checked against R2 first.
 */
export const hubReadHandlers: EndpointHandlers<"getHub"> = {
  getHub: async (c, { params }) => {
    const hub = await requireHub(c.env.DB, params.hubId);
    const deletion = await deletionMarkerFor(c.env.DB, "hub", hub.id);
    const [snapshot, locks] = await Promise.all([
      hubStub(c.env, hub.id).load(hub.id, { verify: deletion !== null }),
      // From D1, so the list agrees with the count once a lock is deleted; the replayed state's
      // pairedLocks still names every lock the hub's own events ever paired.
      c.env.DB.prepare("SELECT lock_id, uuid, name FROM locks WHERE hub_id = ?1 ORDER BY lock_id")
        .bind(hub.id)
        .all<{ lock_id: number; uuid: string; name: string }>(),
    ]);
    const body: HubDetail = {
      type: "hub",
      hubId: hub.id,
      name: hub.name,
      state: snapshot?.state ?? { ...initialHubState(), name: hub.name },
      eventCount: snapshot?.eventCount ?? 0,
      eventBytes: snapshot?.eventBytes ?? 0,
      lastEventAt: snapshot?.lastEventAt ?? null,
      lockCount: locks.results.length,
      locks: locks.results.map((l) => ({ lockId: l.lock_id, uuid: l.uuid, name: l.name })),
      createdAt: hub.created_at,
      deletion,
    };
    return c.json(body);
  },
};
