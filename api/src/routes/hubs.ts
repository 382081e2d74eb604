import { type HubDetail, HubPathParams } from "@cleanup/shared";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { initialHubState } from "../domain/hub-state.ts";
import { requireHub } from "../domain/hubs.ts";
import { NoQuery, validParams, validQuery } from "../http/validate.ts";
import { hubStub } from "../storage/aggregates-registry.ts";

/**
 * `GET /admin/hubs/{hubId}`: the hub's read model and its aggregate state replayed from events.
 * Identical whether or not its DO state had been deleted.
 */
export const hubRoutes = new Hono<AppEnv>().get(
  "/admin/hubs/:hubId",
  validParams(HubPathParams),
  validQuery(NoQuery),
  async (c) => {
    const hub = await requireHub(c.env.DB, c.req.valid("param").hubId);
    const [snapshot, locks] = await Promise.all([
      hubStub(c.env, hub.id).load(hub.id),
      c.env.DB.prepare("SELECT COUNT(*) AS n FROM locks WHERE hub_id = ?1")
        .bind(hub.id)
        .first<{ n: number }>(),
    ]);
    const body: HubDetail = {
      type: "hub",
      hubId: hub.id,
      name: hub.name,
      state: snapshot?.state ?? { ...initialHubState(), name: hub.name },
      eventCount: snapshot?.eventCount ?? 0,
      eventBytes: snapshot?.eventBytes ?? 0,
      lastEventAt: snapshot?.lastEventAt ?? null,
      lockCount: locks?.n ?? 0,
      createdAt: hub.created_at,
    };
    return c.json(body);
  },
);
