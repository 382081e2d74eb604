import { type DevActivityResponse, HubPathParams, LockPathParams } from "@cleanup/shared";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { requireHub } from "../domain/hubs.ts";
import { requireLock } from "../domain/locks.ts";
import { NoQuery, validParams, validQuery } from "../http/validate.ts";
import { hubStub, lockStub } from "../storage/aggregates-registry.ts";

/**
 * Dev only: simulates device activity by appending one event to a lock or hub, so a test can
 * change a target between its preview and the deletion (and see the 412). 403 outside dev
 * (`/admin/dev/*` is dev-only in app.ts).
 */
export const devActivityRoutes = new Hono<AppEnv>()
  .post("/admin/dev/locks/:lockId/activity", validParams(LockPathParams), validQuery(NoQuery), async (c) => {
    const lock = await requireLock(c.env.DB, c.req.valid("param").lockId);
    const stub = lockStub(c.env, lock.uuid);
    const current = await stub.load(lock.uuid);
    const type = current?.state.locked === false ? "LOCKED" : "UNLOCKED";
    const snapshot = await stub.append(lock.uuid, [
      { type, data: { actor: c.var.identity?.email ?? "dev" } },
    ]);
    const body: DevActivityResponse = {
      lockId: lock.lock_id,
      appended: type,
      eventCount: snapshot.eventCount,
    };
    return c.json(body);
  })
  .post("/admin/dev/hubs/:hubId/activity", validParams(HubPathParams), validQuery(NoQuery), async (c) => {
    const hub = await requireHub(c.env.DB, c.req.valid("param").hubId);
    const snapshot = await hubStub(c.env, hub.id).append(hub.id, [{ type: "HEARTBEAT", data: {} }]);
    const body: DevActivityResponse = {
      hubId: hub.id,
      appended: "HEARTBEAT",
      eventCount: snapshot.eventCount,
    };
    return c.json(body);
  });
