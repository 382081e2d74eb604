import type { EnvironmentInfo } from "@cleanup/shared";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { environmentCounts } from "../domain/environment-counts.ts";
import { NoQuery, validQuery } from "../http/validate.ts";

/** `GET /admin/environment`: this deployment's name and how much data it holds. */
export const environmentRoutes = new Hono<AppEnv>().get(
  "/admin/environment",
  validQuery(NoQuery),
  async (c) => {
    const body: EnvironmentInfo = {
      name: c.var.config.environment,
      counts: await environmentCounts(c.env.DB),
    };
    return c.json(body);
  },
);
