import type { MiddlewareHandler } from "hono";
import { errorBody } from "../errors.ts";
import { type RelyingParty, SignInError } from "../oidc/relying-party.ts";
import type { RevokedSessions } from "../revoked-sessions.ts";
import { LOGOUT_PATH } from "../routes/auth.ts";
import { judgeSession, Session, sessionEndsAt } from "../session.ts";
import type { SessionCache } from "../session-cache.ts";
import {
  clearSessionCookie,
  readSessionCookie,
  SESSION_COOKIE,
  type SessionBox,
  writeSessionCookie,
} from "../session-cookie.ts";
import type { AppEnv } from "../types.ts";

export interface SessionOptions {
  box: SessionBox;
  rp: RelyingParty;
  revoked: RevokedSessions;
  /** Opened cookies, so each cookie value is decrypted once (its verdict is still judged every time). */
  cache: SessionCache;
  now?: () => number;
}

/**
 * Opens the session cookie into `c.var.session`, decrypting each cookie value once (the cache). A tampered, foreign, revoked, idle or too old
 * session yields none (and the cookie is dropped). When the provider is due to confirm the session
 * (every SESSION_RECHECK_SECONDS, or before the access token expires) its tokens are refreshed
 * first, once per session however many requests arrive together; a refresh the provider refuses
 * ends the session. The cookie is rewritten when the tokens or the idle clock moved.
 *
 * @example
 * app.use("/bff/*", session({ box, rp, revoked }));
 */
export function session(options: SessionOptions): MiddlewareHandler<AppEnv> {
  const now = options.now ?? Date.now;
  const { box, rp, revoked, cache } = options;

  /** The session the cookie holds unless it was revoked here: from the cache, or decrypted, checked and cached. */
  async function open(raw: string): Promise<Readonly<Session> | undefined> {
    const cached = cache.get(raw);
    if (cached) return revoked.has(cached.sid) ? undefined : cached;
    const parsed = Session.safeParse(await box.open(SESSION_COOKIE, raw));
    if (!parsed.success || revoked.has(parsed.data.sid)) return undefined;
    return cache.set(raw, parsed.data);
  }
  const refreshing = new Map<string, Promise<Session | undefined>>();

  async function refreshed(s: Readonly<Session>): Promise<Session | undefined> {
    const key = `${s.sid}|${s.checkedAt}`;
    let pending = refreshing.get(key);
    if (!pending) {
      pending = rp
        .refresh(s.refreshToken!)
        .then((t): Session | undefined => {
          if (t.claims && t.claims.sub !== s.sub) return undefined;
          const at = now();
          return {
            ...s,
            jwt: t.accessToken,
            accessExp: t.accessExp,
            accessAt: at,
            refreshToken: t.refreshToken ?? s.refreshToken,
            checkedAt: at,
          };
        })
        .catch((err) => {
          if (err instanceof SignInError && err.code === "unreachable") throw err;
          console.warn(
            `[bff] session ${s.sid.slice(0, 8)}… of ${s.email} ended: refresh refused (${err.message})`,
          );
          return undefined;
        })
        .finally(() => setTimeout(() => refreshing.delete(key), 1_000).unref());
      refreshing.set(key, pending);
    }
    return pending;
  }

  return async function sessionMiddleware(c, next) {
    const config = c.get("config");
    const raw = readSessionCookie(c);
    let current = raw ? await open(raw) : undefined;
    let changed = false;
    if (current) {
      const verdict = judgeSession(current, now(), config.session);
      // A sign-out is never held up by a refresh: it must end the session even with the provider down.
      const signingOut = c.req.method === "POST" && c.req.path === LOGOUT_PATH;
      if (verdict.state === "ended") {
        end(current, config.session.absoluteSeconds);
        current = undefined;
      } else {
        if (verdict.refresh && !signingOut) {
          let next: Session | undefined;
          try {
            next = await refreshed(current);
          } catch (err) {
            return c.json(errorBody.badGateway((err as Error).message, c.get("requestId")), 502);
          }
          if (!next) end(current, config.session.absoluteSeconds);
          current = next;
          changed = true;
        }
        if (current && verdict.touch) {
          current = { ...current, seenAt: now() };
          changed = true;
        }
      }
    }
    c.set("session", current);
    await next();

    const rewrite = current !== undefined && changed;
    const drop = raw !== undefined && current === undefined;
    if (!rewrite && !drop) return; // the common case: nothing to write, and the answer left untouched
    const handlerSetIt = c.res.headers.getSetCookie().some((line) => line.startsWith(`${SESSION_COOKIE}=`));
    if (handlerSetIt) return;
    if (current && rewrite) {
      const sealed = await box.seal(SESSION_COOKIE, current);
      cache.set(sealed, current); // the browser's next request brings this value
      writeSessionCookie(c, sealed, sessionEndsAt(current, config.session));
    } else {
      clearSessionCookie(c);
    }
  };

  /** Remembers the end here and tells the provider, best effort (the tokens expire anyway). */
  function end(s: Readonly<Session>, absoluteSeconds: number) {
    revoked.add(s.sid, s.authAt + absoluteSeconds * 1000);
    rp.revoke({ refreshToken: s.refreshToken, accessToken: s.jwt }).catch(() => {});
  }
}

/**
 * 401 unless `session()` found a live session.
 *
 * @example
 * app.get("/bff/session", requireSession(), (c) => c.json(c.var.session));
 */
export function requireSession(): MiddlewareHandler<AppEnv> {
  return async function requireSessionMiddleware(c, next) {
    if (!c.get("session")) return c.json(errorBody.unauthorized("Sign in to continue"), 401);
    await next();
  };
}
