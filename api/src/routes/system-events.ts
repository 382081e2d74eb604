import { listSystemEvents } from "../storage/system-events-table.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

/** `GET /admin/system-events?limit=` (staff): the events the queue consumer recorded, newest first. */
export const systemEventHandlers: EndpointHandlers<"listSystemEvents"> = {
  listSystemEvents: async (c, { query }) => c.json(await listSystemEvents(c.env.DB, query.limit)),
};
