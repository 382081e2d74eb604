import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./app-env.ts";
import { authenticate } from "./auth/authenticate.ts";
import { readConfig } from "./config.ts";
import { handleError, handleNotFound } from "./http/errors.ts";
import { requestId } from "./http/request-id.ts";
import { registerEndpoints } from "./routes/register-endpoints.ts";

const loadConfig = createMiddleware<AppEnv>(async function loadConfig(c, next) {
  c.set("config", readConfig(c.env));
  await next();
});

/**
 * The admin API: every route and its middleware come from the endpoint table in `@cleanup/shared`
 * (`routes/register-endpoints.ts`). Order: request id first (every response carries it), config,
 * the credentials (read, not yet judged: each endpoint's pipeline decides and audits refusals).
 */
export const app = registerEndpoints(new Hono<AppEnv>().use(requestId()).use(loadConfig).use(authenticate()));

app.onError(handleError);
app.notFound(handleNotFound);

export type AppType = typeof app;
