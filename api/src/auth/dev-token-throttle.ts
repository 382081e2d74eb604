import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { clientAddress } from "../http/client-address.ts";
import { accountKey } from "./dev-accounts.ts";

/** Wrong passwords allowed per account and source in a window, as at the local provider. */
export const MAX_DEV_TOKEN_FAILURES = 5;
export const DEV_TOKEN_WINDOW_MS = 15 * 60 * 1000;

/**
 * Where a dev token request comes from, for its throttle: Cloudflare's `CF-Connecting-IP` (an IPv6
 * address by its /64), else `local`. Never `X-Forwarded-For`, which any caller can vary per attempt.
 */
function source(c: Context<AppEnv>): string {
  return c.req.header("CF-Connecting-IP") ? clientAddress(c) : "local";
}

/**
 * The dev issuer's password throttle, per account and source in D1 (migration 0040). The password
 * is compared first (in memory, constant time), then one statement decides: a wrong one is counted
 * and answered 401 while the count is within the limit, 429 past it; a right one is 429 while the
 * count is at the limit, else it clears the count. Deciding in one atomic statement keeps a burst
 * of concurrent guesses to the same five answers a sequence gets; right passwords in parallel are
 * never held back by each other.
 *
 * @example
 * const verdict = await judgeDevLogin(c, email, passwordOk);
 * if (verdict.status === 429) c.header("Retry-After", String(verdict.retryAfter));
 */
export async function judgeDevLogin(
  c: Context<AppEnv>,
  email: string,
  passwordOk: boolean,
): Promise<{ status: 200 | 401 } | { status: 429; retryAfter: number }> {
  const db = c.env.DB;
  const account = accountKey(email).slice(0, 320);
  const from = source(c);
  const now = Date.now();
  const windowStart = now - DEV_TOKEN_WINDOW_MS;
  const held = (firstAt: number) => ({
    status: 429 as const,
    retryAfter: Math.max(1, Math.ceil((firstAt + DEV_TOKEN_WINDOW_MS - now) / 1000)),
  });
  if (!passwordOk) {
    const row = await db
      .prepare(
        `INSERT INTO dev_token_failures (account, source, count, first_at) VALUES (?1, ?2, 1, ?3)
         ON CONFLICT (account, source) DO UPDATE SET
           count = CASE WHEN first_at <= ?4 THEN 1 ELSE count + 1 END,
           first_at = CASE WHEN first_at <= ?4 THEN ?3 ELSE first_at END
         RETURNING count, first_at`,
      )
      .bind(account, from, now, windowStart)
      .first<{ count: number; first_at: number }>();
    return row && row.count > MAX_DEV_TOKEN_FAILURES ? held(row.first_at) : { status: 401 };
  }
  const row = await db
    .prepare(
      "SELECT count, first_at FROM dev_token_failures WHERE account = ?1 AND source = ?2 AND first_at > ?3",
    )
    .bind(account, from, windowStart)
    .first<{ count: number; first_at: number }>();
  if (row && row.count >= MAX_DEV_TOKEN_FAILURES) return held(row.first_at);
  if (row) {
    await db
      .prepare("DELETE FROM dev_token_failures WHERE account = ?1 AND source = ?2")
      .bind(account, from)
      .run();
  }
  return { status: 200 };
}
