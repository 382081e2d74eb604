import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";

const IPV4_RE = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** The first four groups (the /64 network) of an IPv6 address, or null when it is not one. */
function ipv6Network(address: string): string | null {
  if (!/^[0-9a-f:]+$/i.test(address) || address.split("::").length > 2) return null;
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

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
  const address = sent.replace(/^\[|\]$/g, "").replace(/^::ffff:(?=\d+\.)/i, "");
  if (IPV4_RE.test(address)) return address;
  return ipv6Network(address) ?? "malformed-address";
}
