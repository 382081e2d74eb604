import { SearchQuery } from "@cleanup/shared";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { searchTargets } from "../domain/search.ts";
import { validQuery } from "../http/validate.ts";

/** `GET /admin/search?q=&type=&limit=&cursor=`: targets whose id, UUID or name matches, a page at a time. */
export const searchRoutes = new Hono<AppEnv>().get("/admin/search", validQuery(SearchQuery), async (c) =>
  c.json(await searchTargets(c.env.DB, c.req.valid("query"))),
);
