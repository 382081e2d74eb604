import { SearchQuery, type SearchResponse } from "@cleanup/shared";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { searchTargets } from "../domain/search.ts";
import { validQuery } from "../http/validate.ts";

/** `GET /admin/search?q=&type=&limit=`: targets whose id, UUID or name matches. */
export const searchRoutes = new Hono<AppEnv>().get("/admin/search", validQuery(SearchQuery), async (c) => {
  const body: SearchResponse = { items: await searchTargets(c.env.DB, c.req.valid("query")) };
  return c.json(body);
});
