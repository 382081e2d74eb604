import type { HealthResponse } from "@cleanup/shared";
import { openApiDocument } from "../openapi/document.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

/** `GET /health` and `GET /openapi.json`: no auth; which environment this is, and the api's description. */
export const serviceHandlers: EndpointHandlers<"getHealth" | "getOpenApiDocument"> = {
  getHealth: (c) => {
    const body: HealthResponse = { ok: true, environment: c.var.config.environment };
    return c.json(body);
  },
  getOpenApiDocument: (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return c.json(openApiDocument());
  },
};
