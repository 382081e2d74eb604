import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { requestId } from "hono/request-id";
import type { AppEnv } from "./app-env.ts";
import { readConfig } from "./config.ts";
import { handleError, handleNotFound } from "./http/errors.ts";
import { registerEndpoints } from "./routes/register-endpoints.ts";

const loadConfig = createMiddleware<AppEnv>(async function loadConfig(c, next) {
  c.set("config", readConfig(c.env));
  await next();
});

/**
 * The admin API: every route and its middleware come from the endpoint table in `@cleanup/shared`
 * (`routes/register-endpoints.ts`). Request id first (every response carries it), then config.
 */
export const app = registerEndpoints(new Hono<AppEnv>().use(requestId({ limitLength: 128 })).use(loadConfig));

app.onError(handleError);
app.notFound(handleNotFound);

export type AppType = typeof app;
