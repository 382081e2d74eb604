import type { HealthResponse } from "@cleanup/shared";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";

/** `GET /health`: no auth; says which environment this deployment is. */
export const healthRoutes = new Hono<AppEnv>().get("/health", (c) => {
  const body: HealthResponse = { ok: true, environment: c.var.config.environment };
  return c.json(body);
});
