import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { openApiDocument } from "../openapi/document.ts";

/** `GET /openapi.json` (no auth): the OpenAPI 3.1 description of this api; it holds no data. */
export const openApiRoutes = new Hono<AppEnv>().get("/openapi.json", (c) => {
  c.header("Cache-Control", "public, max-age=300");
  return c.json(openApiDocument());
});
