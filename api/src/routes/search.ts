import { searchTargets } from "../domain/search.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

/** `GET /admin/search?q=&type=&limit=&cursor=`: targets whose id, UUID or name matches, a page at a time. */
export const searchHandlers: EndpointHandlers<"searchTargets"> = {
  searchTargets: async (c, { query }) => c.json(await searchTargets(c.env.DB, query)),
};
