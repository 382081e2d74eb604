import { HEADERS } from "@cleanup/shared";
import type { MiddlewareHandler } from "hono";
import { errorBody } from "../errors.ts";
import { requestHeader } from "../node-http.ts";
import type { AppEnv } from "../types.ts";

/**
 * 401 unless the request carries `X-CSRF: 1`. Page script on our own origin can add the header;
 * a cross-site form or image cannot, and a cross-site fetch would need a CORS preflight we never grant.
 *
 * @example
 * app.use("/bff/api/*", requireCsrfHeader());
 */
export function requireCsrfHeader(): MiddlewareHandler {
  return async function requireCsrfHeaderMiddleware(c, next) {
    if (requestHeader(c, "x-csrf") !== "1") {
      return c.json(errorBody.unauthorized(`Missing ${HEADERS.csrf}: 1 header`), 401);
    }
    await next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * 403 for state-changing requests another site started (login/logout CSRF). Uses Fetch Metadata
 * (`Sec-Fetch-Site`) and, from browsers that send none, compares `Origin` with the bff's own origin
 * (`BFF_PUBLIC_URL`): never with `Host` or `X-Forwarded-Host`, which the request itself may say.
 *
 * @example
 * app.use("/bff/*", refuseCrossSite());
 */
export function refuseCrossSite(): MiddlewareHandler<AppEnv> {
  return async function refuseCrossSiteMiddleware(c, next) {
    if (
      !SAFE_METHODS.has(c.req.method) &&
      isCrossSite((name) => requestHeader(c, name), c.var.config.publicUrl)
    ) {
      return c.json(errorBody.forbidden("Cross-site requests are refused"), 403);
    }
    await next();
  };
}

function isCrossSite(header: (name: Lowercase<string>) => string | undefined, publicUrl: string): boolean {
  const site = header("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = header("origin");
  if (!origin) return false;
  try {
    return new URL(origin).origin !== new URL(publicUrl).origin;
  } catch {
    return true; // "null" and other opaque origins
  }
}
