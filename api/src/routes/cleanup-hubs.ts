import { HubDeleteQuery, HubPathParams } from "@cleanup/shared";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { buildHubPlan, collectHubFacts, hubD1Deletions, requireHub } from "../domain/hubs.ts";
import { validParams, validQuery } from "../http/validate.ts";
import { runAggregateDeletion } from "./aggregate-deletion-flow.ts";

/**
 * `DELETE /admin/cleanup/hubs/{hubId}?mode=&dryRun=` (published endpoint 2). Same flow as the
 * lock deletion: validated input, dry-run plan and token, If-Match, archive before delete, audit.
 */
export const cleanupHubRoutes = new Hono<AppEnv>().delete(
  "/admin/cleanup/hubs/:hubId",
  validParams(HubPathParams),
  validQuery(HubDeleteQuery),
  async (c) => {
    const started = Date.now();
    const { mode, dryRun } = c.req.valid("query");
    const hub = await requireHub(c.env.DB, c.req.valid("param").hubId);
    const facts = await collectHubFacts(c.env, hub);
    return runAggregateDeletion(c, {
      started,
      plan: buildHubPlan(facts, mode, c.var.config.environment),
      kind: "hub",
      id: hub.id,
      mode,
      dryRun,
      d1: hubD1Deletions(c.env.DB, hub),
      fields: { hubId: hub.id },
      audit: { action: "delete-hub", targetType: "hub", targetId: hub.id, options: { mode } },
    });
  },
);
