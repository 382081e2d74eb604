import { clientNetwork } from "@cleanup/shared";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";

/**
 * Where a request came from, as a refusal summary's source: the client address Cloudflare puts in
 * `CF-Connecting-IP` (a client cannot set it there), an IPv6 address as its /64 network (one host
 * holds a whole /64). `wrangler dev` and tests may have none: then, in dev only, the first
 * `X-Forwarded-For` address, else `local`; elsewhere `unknown`. Never text the caller chose.
 *
 * @example
 * clientAddress(c) // "203.0.113.7", "2001:db8:0:1::/64", "local"
 */
export function clientAddress(c: Context<AppEnv>): string {
  const dev = c.var.config.environment === "dev";
  const sent =
    c.req.header("CF-Connecting-IP")?.trim() ??
    (dev ? c.req.header("X-Forwarded-For")?.split(",")[0]?.trim() : undefined);
  if (sent === undefined || sent === "") return dev ? "local" : "unknown";
  return clientNetwork(sent) ?? "malformed-address";
}
