import type { MiddlewareHandler } from "hono";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

export interface SecurityHeadersOptions {
  /** Strict-Transport-Security value, sent only on requests that arrived over TLS. */
  hsts?: string;
}

/**
 * Sets the console's security headers on every response; HSTS only when the request came over
 * TLS (directly, or `X-Forwarded-Proto: https` from the load balancer), since browsers ignore it otherwise.
 *
 * @example
 * app.use(securityHeaders({ hsts: "max-age=31536000" }));
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler {
  const hsts = options.hsts ?? "max-age=63072000; includeSubDomains";
  return async function securityHeadersMiddleware(c, next) {
    await next();
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("X-Frame-Options", "DENY");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("Cross-Origin-Opener-Policy", "same-origin");
    const forwardedProto = c.req.header("X-Forwarded-Proto")?.split(",")[0]?.trim().toLowerCase();
    if (forwardedProto === "https" || new URL(c.req.url).protocol === "https:") {
      c.header("Strict-Transport-Security", hsts);
    }
  };
}
