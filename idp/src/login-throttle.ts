/** Failed sign-ins allowed per account and client address before the provider stops checking passwords. */
export const MAX_FAILED_SIGN_INS = 5;
/** How long failures are remembered, and so how long a throttled account and client wait. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Entries kept at most, so a flood of made-up emails cannot grow memory without bound. */
const MAX_ENTRIES = 10_000;

interface Failures {
  count: number;
  firstAt: number;
}

/**
 * Counts failed sign-ins per account and client address, in memory of the provider: the one
 * process that checks passwords, so several bff copies in front of it share one count. Keyed on
 * both, so a flood from one address never locks the account out for another. A success clears it.
 *
 * @example
 * const throttle = new LoginThrottle();
 * throttle.retryAfterSeconds(key) // 0 while sign-ins are allowed
 */
export class LoginThrottle {
  readonly #failures = new Map<string, Failures>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Seconds until `key` may try again; 0 when it may now. */
  retryAfterSeconds(key: string): number {
    const entry = this.#current(key);
    if (!entry || entry.count < MAX_FAILED_SIGN_INS) return 0;
    return Math.ceil((entry.firstAt + SIGN_IN_WINDOW_MS - this.#now()) / 1000);
  }

  recordFailure(key: string): void {
    const entry = this.#current(key);
    if (entry) {
      entry.count += 1;
      return;
    }
    if (this.#failures.size >= MAX_ENTRIES) this.#evictOldest();
    this.#failures.set(key, { count: 1, firstAt: this.#now() });
  }

  recordSuccess(key: string): void {
    this.#failures.delete(key);
  }

  #current(key: string): Failures | undefined {
    const entry = this.#failures.get(key);
    if (entry && this.#now() - entry.firstAt >= SIGN_IN_WINDOW_MS) {
      this.#failures.delete(key);
      return undefined;
    }
    return entry;
  }

  #evictOldest(): void {
    // A Map iterates in insertion order: the first key is the oldest window.
    const oldest = this.#failures.keys().next();
    if (!oldest.done) this.#failures.delete(oldest.value);
  }
}

/** The throttle's key: the account, lower-cased, and the client's address when known. */
export function throttleKey(email: string, clientAddress: string | undefined): string {
  return `${email.trim().toLowerCase()}|${clientAddress ?? "unknown"}`;
}
