import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";

/** `GET /health`: no auth; says which environment this deployment is. */
export const healthRoutes = new Hono<AppEnv>().get("/health", (c) =>
  c.json({ ok: true, environment: c.var.config.environment }),
);
