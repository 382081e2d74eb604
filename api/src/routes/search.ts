import type { SearchResponse } from "@cleanup/shared";
import { searchTargets } from "../domain/search.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

/** `GET /admin/search?q=&type=&limit=`: targets whose id, UUID or name matches. */
export const searchHandlers: EndpointHandlers<"searchTargets"> = {
  searchTargets: async (c, { query }) => {
    const body: SearchResponse = { items: await searchTargets(c.env.DB, query) };
    return c.json(body);
  },
};
