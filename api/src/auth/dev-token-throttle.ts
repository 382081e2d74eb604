import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { clientAddress } from "../http/client-address.ts";
import { accountKey } from "./dev-accounts.ts";

/** Wrong passwords allowed per account and source in a window, as at the local provider. */
export const MAX_DEV_TOKEN_FAILURES = 5;
/**
 * Wrong passwords allowed per account from all sources together: `wrangler dev` passes on a
 * `CF-Connecting-IP` the client sent, so a source can be made up per attempt; this bounds that.
 */
export const MAX_DEV_TOKEN_FAILURES_PER_ACCOUNT = 50;
/** The row that counts an account's failures from every source. */
const ALL_SOURCES = "*";
export const DEV_TOKEN_WINDOW_MS = 15 * 60 * 1000;

/**
 * Where a dev token request comes from, for its throttle: Cloudflare's `CF-Connecting-IP` (an IPv6
 * address by its /64), else `local`. Never `X-Forwarded-For`, which any caller can vary per attempt.
 */
function source(c: Context<AppEnv>): string {
  return c.req.header("CF-Connecting-IP") ? clientAddress(c) : "local";
}

/**
 * The dev issuer's password throttle, per account and source, and per account (migration 0040).
 * The password is compared first (in memory, constant time), then one transaction decides: a wrong
 * one is counted and answered 401 while the counts are within their limits, 429 past them; a right
 * one is 429 while a count is at its limit, else it clears its source's count. Deciding in one
 * atomic step keeps a burst of concurrent guesses to the answers a sequence gets; right passwords
 * in parallel are never held back by each other.
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
  type Row = { source: string; count: number; first_at: number };
  const over = (row: Row, atLimit: boolean) => {
    const limit = row.source === ALL_SOURCES ? MAX_DEV_TOKEN_FAILURES_PER_ACCOUNT : MAX_DEV_TOKEN_FAILURES;
    return atLimit ? row.count >= limit : row.count > limit;
  };
  const held = (rows: Row[]) => ({
    status: 429 as const,
    retryAfter: Math.max(1, ...rows.map((r) => Math.ceil((r.first_at + DEV_TOKEN_WINDOW_MS - now) / 1000))),
  });
  if (!passwordOk) {
    const count = db.prepare(
      `INSERT INTO dev_token_failures (account, source, count, first_at) VALUES (?1, ?2, 1, ?3)
       ON CONFLICT (account, source) DO UPDATE SET
         count = CASE WHEN first_at <= ?4 THEN 1 ELSE count + 1 END,
         first_at = CASE WHEN first_at <= ?4 THEN ?3 ELSE first_at END
       RETURNING source, count, first_at`,
    );
    const results = await db.batch<Row>([
      count.bind(account, from, now, windowStart),
      count.bind(account, ALL_SOURCES, now, windowStart),
    ]);
    const rows = results.flatMap((r) => r.results);
    const past = rows.filter((r) => over(r, false));
    return past.length > 0 ? held(past) : { status: 401 };
  }
  const { results: rows } = await db
    .prepare(
      "SELECT source, count, first_at FROM dev_token_failures WHERE account = ?1 AND source IN (?2, ?3) AND first_at > ?4",
    )
    .bind(account, from, ALL_SOURCES, windowStart)
    .all<Row>();
  const atLimit = rows.filter((r) => over(r, true));
  if (atLimit.length > 0) return held(atLimit);
  if (rows.some((r) => r.source === from)) {
    await db
      .prepare("DELETE FROM dev_token_failures WHERE account = ?1 AND source = ?2")
      .bind(account, from)
      .run();
  }
  return { status: 200 };
}
