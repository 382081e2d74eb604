import type { Session } from "./session.ts";

export interface SessionCacheOptions {
  /** Sessions kept at most; the least recently used goes first. */
  maxEntries?: number;
  /** How long an opened cookie is trusted without opening it again (ms): at most the recheck interval. */
  ttlMs: number;
  now?: () => number;
}

interface Entry {
  /** The whole cookie value: a hit needs it all, not only the part the entry is found by. */
  cookie: string;
  session: Readonly<Session>;
  until: number;
}

/**
 * Characters at the end of a cookie value an entry is found by: the AES-GCM tag is its last 22,
 * so values differ there. The whole value is then compared, so two values sharing this part are
 * two entries' worth of a miss, never one another's session; finding by the part is 10× cheaper
 * than hashing a 2 KB string per request.
 */
const FIND_BY = 32;

/**
 * Opened session cookies of this process, so a cookie is decrypted and checked once rather than on
 * every request. A hit is an exact match of the whole cookie value: one cookie value, one session,
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
    const key = cookie.slice(-FIND_BY);
    const entry = this.#entries.get(key);
    if (!entry || entry.cookie !== cookie) return undefined;
    this.#entries.delete(key);
    if (entry.until <= this.#now()) return undefined;
    this.#entries.set(key, entry); // most recently used last
    return entry.session;
  }

  /** Remembers what `cookie` opened to (in place of any entry found by the same part); returns the frozen session. */
  set(cookie: string, session: Session): Readonly<Session> {
    // A fresh copy: the cookie is a slice of the request's Cookie header, which it would keep alive.
    const whole = Buffer.from(cookie, "latin1").toString("latin1");
    const key = whole.slice(-FIND_BY);
    const frozen = Object.freeze({ ...session });
    this.#entries.delete(key);
    this.#entries.set(key, { cookie: whole, session: frozen, until: this.#now() + this.#ttlMs });
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
