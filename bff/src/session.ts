import { z } from "zod";
import type { SessionLifetimes } from "./config.ts";

/**
 * What the encrypted session cookie holds. `jwt` is the access token for the api (forwarded as
 * Bearer), `accessExp` its expiry (s); times ending in `At` are epoch milliseconds.
 */
export const Session = z.object({
  /** Names this sign-in; a revoked sid is refused by this bff at once. */
  sid: z.string().min(16),
  sub: z.string(),
  email: z.string(),
  name: z.string(),
  jwt: z.string(),
  accessExp: z.number(),
  /** When the bff received the access token; with accessExp, its lifetime. */
  accessAt: z.number(),
  refreshToken: z.string().optional(),
  // No ID token: it was kept only for `id_token_hint`, and a third token can push the cookie past
  // the 4,096 bytes browsers keep; sign-out names the client instead (ADR 018).
  /** Sign-in time: the absolute lifetime counts from here. */
  authAt: z.number(),
  /** Last request seen: the idle lifetime counts from here. */
  seenAt: z.number(),
  /** Last time the provider confirmed the session (sign-in or refresh). */
  checkedAt: z.number(),
});
export type Session = z.infer<typeof Session>;

export type SessionVerdict =
  | { state: "live"; refresh: boolean; touch: boolean }
  | { state: "ended"; why: "idle" | "absolute" | "expired" };

/** Granularity of the idle clock: the cookie is rewritten at most this often when nothing else changes. */
function touchEveryMs(lifetimes: SessionLifetimes): number {
  return Math.min(60_000, (lifetimes.idleSeconds * 1000) / 10);
}

/**
 * Whether a session still lives at `now`, and whether its tokens must be refreshed at the
 * provider first: when the last check is `recheckSeconds` old (so a logout elsewhere reaches this
 * copy) or when less than a quarter of the access token's life (at most a minute) is left.
 *
 * @example
 * judgeSession(session, Date.now(), config.session) // { state: "live", refresh: false, touch: true }
 */
export function judgeSession(session: Session, now: number, lifetimes: SessionLifetimes): SessionVerdict {
  if (now >= session.authAt + lifetimes.absoluteSeconds * 1000) return { state: "ended", why: "absolute" };
  if (now >= session.seenAt + lifetimes.idleSeconds * 1000) return { state: "ended", why: "idle" };
  const expMs = session.accessExp * 1000;
  const margin = Math.min(60_000, (expMs - session.accessAt) / 4);
  const refresh = now >= session.checkedAt + lifetimes.recheckSeconds * 1000 || now >= expMs - margin;
  if (refresh && !session.refreshToken) {
    return now < expMs ? { state: "live", refresh: false, touch: false } : { state: "ended", why: "expired" };
  }
  return { state: "live", refresh, touch: now - session.seenAt >= touchEveryMs(lifetimes) };
}

/** When the session ends if nothing more happens: idle or absolute, whichever comes first (ms). */
export function sessionEndsAt(session: Session, lifetimes: SessionLifetimes): number {
  return Math.min(
    session.seenAt + lifetimes.idleSeconds * 1000,
    session.authAt + lifetimes.absoluteSeconds * 1000,
  );
}
