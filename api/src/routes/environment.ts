import type { EnvironmentInfo } from "@cleanup/shared";
import { environmentCounts } from "../domain/environment-counts.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

/** `GET /admin/environment`: this deployment's name and how much data it holds. */
export const environmentHandlers: EndpointHandlers<"getEnvironment"> = {
  getEnvironment: async (c) => {
    const body: EnvironmentInfo = {
      name: c.var.config.environment,
      counts: await environmentCounts(c.env.DB),
    };
    return c.json(body);
  },
};
