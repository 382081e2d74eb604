import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./app-env.ts";
import { authenticate } from "./auth/authenticate.ts";
import { ConfigError, readConfig } from "./config.ts";
import { handleError, handleNotFound, internalErrorBody } from "./http/errors.ts";
import { requestId } from "./http/request-id.ts";
import { resumeStrandedJobs } from "./jobs/resume-stranded.ts";
import { registerEndpoints } from "./routes/register-endpoints.ts";

/**
 * The Worker's vars, validated. When they are invalid every request is a 500; a dev api says which
 * var and why (so `npm start` can stop at once with it), any other says only that it is misconfigured.
 */
const loadConfig = createMiddleware<AppEnv>(async function loadConfig(c, next) {
  try {
    c.set("config", readConfig(c.env));
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`[${c.var.requestId}] ${err.message}`);
    const dev = (c.env as Cloudflare.Env).ENVIRONMENT_NAME === "dev";
    const message = dev ? err.message : "The api is misconfigured; see its log";
    return c.json(internalErrorBody(c.var.requestId, message), 500);
  }
  await next();
});

/**
 * The admin API: every route and its middleware come from the endpoint table in `@cleanup/shared`
 * (`routes/register-endpoints.ts`). Order: request id first (every response carries it), config,
 * the credentials (read, not yet judged: each endpoint's pipeline decides and audits refusals).
 */
/** In dev, a fresh isolate's first request wakes the jobs a dead `wrangler dev` left (jobs/resume-stranded.ts). */
const resumeJobs = createMiddleware<AppEnv>(async function resumeJobs(c, next) {
  if (c.var.config.environment === "dev") c.executionCtx.waitUntil(resumeStrandedJobs(c.env));
  await next();
});

export const app = registerEndpoints(
  new Hono<AppEnv>().use(requestId()).use(loadConfig).use(resumeJobs).use(authenticate()),
);

app.onError(handleError);
app.notFound(handleNotFound);

export type AppType = typeof app;
