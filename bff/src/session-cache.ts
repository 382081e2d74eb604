import { hash } from "node:crypto";
import type { Session } from "./session.ts";

export interface SessionCacheOptions {
  /** Sessions kept at most; the least recently used goes first. */
  maxEntries?: number;
  /** How long an opened cookie is trusted without opening it again (ms): at most the recheck interval. */
  ttlMs: number;
  now?: () => number;
}

interface Entry {
  session: Readonly<Session>;
  until: number;
}

/**
 * Opened session cookies of this process, so a cookie is decrypted and checked once rather than on
 * every request. Keyed by the SHA-256 of the whole cookie value: one cookie value, one session,
 * whatever else two cookies share. Only cookies that opened under our key get in (a flood of
 * random ones never does), at most `maxEntries` of them, each for at most `ttlMs`.
 *
 * It holds what the cookie says and nothing more: whether the session is still alive (idle,
 * absolute, revoked, due for a refresh) is judged on every request, cached or not, and a sign-out
 * or an ended session evicts every cookie value of its sid (`evictSession`).
 *
 * @example
 * const cache = new SessionCache({ ttlMs: config.session.recheckSeconds * 1000 });
 * cache.get(raw) ?? cache.set(raw, await openAndParse(raw));
 * cache.evictSession(session.sid); // on sign-out
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #max: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: SessionCacheOptions) {
    this.#max = options.maxEntries ?? 1000;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The session this exact cookie value opened to, while its entry is fresh. */
  get(cookie: string): Readonly<Session> | undefined {
    const key = keyOf(cookie);
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.until <= this.#now()) return undefined;
    this.#entries.set(key, entry); // most recently used last
    return entry.session;
  }

  /** Remembers what `cookie` opened to; returns the (frozen) session. */
  set(cookie: string, session: Session): Readonly<Session> {
    const key = keyOf(cookie);
    const frozen = Object.freeze({ ...session });
    this.#entries.delete(key);
    this.#entries.set(key, { session: frozen, until: this.#now() + this.#ttlMs });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#max) break;
      this.#entries.delete(oldest);
    }
    return frozen;
  }

  /** Forgets every cookie value of a session: after sign-out, or once it ended. */
  evictSession(sid: string): void {
    for (const [key, entry] of this.#entries) {
      if (entry.session.sid === sid) this.#entries.delete(key);
    }
  }
}

function keyOf(cookie: string): string {
  return hash("sha256", cookie, "base64url");
}
