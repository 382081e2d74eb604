import type { MiddlewareHandler } from "hono";
import { requestHeader, withAnswerHeaders } from "../node-http.ts";

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

/** The same on every response. */
const FIXED_HEADERS: readonly (readonly [string, string])[] = [
  ["Content-Security-Policy", CONTENT_SECURITY_POLICY],
  ["X-Frame-Options", "DENY"],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "no-referrer"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
];

/**
 * Sets the console's security headers on every response; HSTS only when the request came over
 * TLS (directly, or `X-Forwarded-Proto: https` from the load balancer), since browsers ignore it otherwise.
 *
 * @example
 * app.use(securityHeaders({ hsts: "max-age=31536000" }));
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler {
  const withHsts = [
    ...FIXED_HEADERS,
    ["Strict-Transport-Security", options.hsts ?? "max-age=63072000; includeSubDomains"],
  ] as const;
  return async function securityHeadersMiddleware(c, next) {
    const tls = overTls(c.req.url, requestHeader(c, "x-forwarded-proto"));
    return withAnswerHeaders(c, next, tls ? withHsts : FIXED_HEADERS);
  };
}

function overTls(url: string, forwardedProto: string | undefined): boolean {
  if (url.startsWith("https:")) return true;
  if (!forwardedProto) return false;
  return forwardedProto.split(",")[0]!.trim().toLowerCase() === "https";
}
