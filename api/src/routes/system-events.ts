import { SystemEventListQuery } from "@cleanup/shared";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { validQuery } from "../http/validate.ts";
import { listSystemEvents } from "../storage/system-events-table.ts";

/** `GET /admin/system-events?limit=` (staff): the events the queue consumer recorded, newest first. */
export const systemEventRoutes = new Hono<AppEnv>().get(
  "/admin/system-events",
  validQuery(SystemEventListQuery),
  async (c) => c.json(await listSystemEvents(c.env.DB, c.req.valid("query").limit)),
);
