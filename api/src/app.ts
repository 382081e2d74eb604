import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./app-env.ts";
import { auditDestructiveRequests } from "./audit/audit-refusals.ts";
import { requireAdminKey } from "./auth/admin-key.ts";
import { authenticate } from "./auth/authenticate.ts";
import { requireIdentity, requireStaff } from "./auth/jwt.ts";
import { ConfigError, readConfig } from "./config.ts";
import { deletionHeaders } from "./http/deletion-headers.ts";
import { devOnly } from "./http/dev-only.ts";
import { handleError, handleNotFound, internalErrorBody } from "./http/errors.ts";
import { idempotency } from "./http/idempotency.ts";
import { requestId } from "./http/request-id.ts";
import { auditRoutes } from "./routes/audit.ts";
import { cleanupEnvironmentRoutes } from "./routes/cleanup-environment.ts";
import { cleanupHubRoutes } from "./routes/cleanup-hubs.ts";
import { cleanupLockRoutes } from "./routes/cleanup-locks.ts";
import { devActivityRoutes } from "./routes/dev-activity.ts";
import { devAuthRoutes } from "./routes/dev-auth.ts";
import { devSeedRoutes } from "./routes/dev-seed.ts";
import { environmentRoutes } from "./routes/environment.ts";
import { healthRoutes } from "./routes/health.ts";
import { hubRoutes } from "./routes/hubs.ts";
import { lockRoutes } from "./routes/locks.ts";
import { openApiRoutes } from "./routes/openapi.ts";
import { organizationRoutes } from "./routes/organizations.ts";
import { projectKeyRoutes } from "./routes/project-keys.ts";
import { searchRoutes } from "./routes/search.ts";
import { systemEventRoutes } from "./routes/system-events.ts";

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

const staffOnly = [requireAdminKey(), requireIdentity(), requireStaff()] as const;
/**
 * Endpoints 4 and 5 as published: a Bearer token alone (the route decides by its permissions or org
 * role); the admin key is not needed, but a wrong one sent is refused. Their reads add `staffOnly`.
 */
const publishedCaller = [requireAdminKey({ optional: true }), requireIdentity()] as const;

/**
 * The admin API. Order matters: request id first (every response carries it), then config,
 * then the audit of destructive requests (it must see refusals by the auth middleware), then the
 * credentials (read, not yet judged: each route family's gates below decide).
 */
export const app = new Hono<AppEnv>()
  .use(requestId())
  .use(loadConfig)
  .use(auditDestructiveRequests())
  .use(authenticate())
  .route("/", healthRoutes)
  .route("/", openApiRoutes)
  .route("/", devAuthRoutes)
  .use("/admin/*", ...staffOnly)
  .use("/admin/dev/*", devOnly())
  .use("/admin/cleanup/*", deletionHeaders(), idempotency())
  .use("/apiops/*", ...publishedCaller, deletionHeaders(), idempotency())
  .use("/organization/*", ...publishedCaller, deletionHeaders(), idempotency())
  .route("/", environmentRoutes)
  .route("/", devSeedRoutes)
  .route("/", devActivityRoutes)
  .route("/", searchRoutes)
  .route("/", lockRoutes)
  .route("/", cleanupLockRoutes)
  .route("/", hubRoutes)
  .route("/", cleanupHubRoutes)
  .route("/", cleanupEnvironmentRoutes)
  .route("/", organizationRoutes)
  .route("/", projectKeyRoutes)
  .route("/", auditRoutes)
  .route("/", systemEventRoutes);

app.onError(handleError);
app.notFound(handleNotFound);

export type AppType = typeof app;
