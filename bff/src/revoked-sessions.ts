/** Entries kept at most: a flood of sign-outs cannot grow memory without bound. */
const MAX_ENTRIES = 100_000;

/**
 * Session ids this bff process has ended (sign-out, timeout, a refresh the provider refused): a
 * copy of such a cookie is refused here at once. Other copies learn it from the provider within
 * SESSION_RECHECK_SECONDS (docs/decisions/011-logout-through-the-provider.md).
 *
 * @example
 * revoked.add(session.sid, sessionEndsAt);
 * revoked.has(session.sid) // true until the session would have ended anyway
 */
export class RevokedSessions {
  readonly #until = new Map<string, number>();
  readonly #now: () => number;
  readonly #listeners: ((sid: string) => void)[] = [];

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Calls `listener` with each sid as it is revoked (the session cache evicts it). */
  onRevoke(listener: (sid: string) => void): void {
    this.#listeners.push(listener);
  }

  add(sid: string, until: number): void {
    for (const listener of this.#listeners) listener(sid);
    this.#until.delete(sid);
    this.#until.set(sid, until);
    for (const [oldest, end] of this.#until) {
      if (this.#until.size <= MAX_ENTRIES && end > this.#now()) break;
      this.#until.delete(oldest);
    }
  }

  has(sid: string): boolean {
    const until = this.#until.get(sid);
    return until !== undefined && until > this.#now();
  }
}
