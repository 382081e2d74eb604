import { Hono } from "hono";
import type { Config } from "./config.ts";
import { errorBody, notFound } from "./errors.ts";
import { refuseCrossSite, requireCsrfHeader } from "./middleware/csrf.ts";
import { noStore } from "./middleware/no-store.ts";
import { requestBodyLimit } from "./middleware/request-body-limit.ts";
import { requestId } from "./middleware/request-id.ts";
import { securityHeaders } from "./middleware/security-headers.ts";
import { requireSession, session } from "./middleware/session.ts";
import { createRelyingParty } from "./oidc/relying-party.ts";
import { RevokedSessions } from "./revoked-sessions.ts";
import { forwardToApi } from "./routes/api-proxy.ts";
import { authRoutes } from "./routes/auth.ts";
import { SessionCache } from "./session-cache.ts";
import { createSessionBox } from "./session-cookie.ts";
import { spa } from "./static.ts";
import type { AppEnv } from "./types.ts";

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The bff: staff session, allowlisted forwarding to each environment's api, and the built SPA.
 *
 * @example
 * serve({ fetch: (await createApp(loadConfig())).fetch, port: 8080 });
 */
export async function createApp(config: Config, parts: { sessionCache?: SessionCache } = {}) {
  const box = await createSessionBox(config.sessionSecret);
  const rp = createRelyingParty(config.oidc);
  const revoked = new RevokedSessions();
  const cache = parts.sessionCache ?? new SessionCache({ ttlMs: config.session.recheckSeconds * 1000 });
  revoked.onRevoke((sid) => cache.evictSession(sid));
  const app = new Hono<AppEnv>()
    .use(securityHeaders())
    .use(requestId())
    .use(async function configMiddleware(c, next) {
      c.set("config", config);
      await next();
    })
    .use("/bff/*", noStore())
    .use("/bff/*", refuseCrossSite())
    .use("/bff/*", requestBodyLimit({ maxBytes: MAX_BODY_BYTES }))
    .use("/bff/*", session({ box, rp, revoked, cache }))
    .route("/bff", authRoutes({ box, rp, revoked }))
    .use("/bff/api/*", requireCsrfHeader(), requireSession())
    .all("/bff/api/:env/*", forwardToApi(config))
    .all("/bff/*", notFound)
    .get("*", spa({ root: config.webDist }));

  app.notFound(notFound);
  app.onError((err, c) => {
    console.error(`[bff] ${c.var.requestId} ${c.req.method} ${c.req.path}:`, err);
    return c.json(errorBody.internal("The bff failed; see its log", c.var.requestId), 500);
  });
  return app;
}

export type AppType = Awaited<ReturnType<typeof createApp>>;
