import { accountKey } from "@cleanup/api/src/auth/dev-accounts.ts";

/** Failed sign-ins allowed per account and client address before the provider stops checking passwords. */
export const MAX_FAILED_SIGN_INS = 5;
/** Failed sign-ins allowed per client address, whatever the accounts, before that address must wait. */
export const MAX_FAILURES_PER_ADDRESS = 50;
/** How long failures are remembered, and so how long a throttled account and client wait. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Entries kept at most (per account and address; per address), so memory stays bounded. */
export const MAX_ENTRIES = 10_000;

interface Failures {
  count: number;
  firstAt: number;
}

/**
 * Failure counts in one window, bounded: when full, expired windows go first, then the oldest that
 * is not holding anyone back; a throttling entry is dropped only when every entry throttles.
 */
class FailureCounts {
  readonly #entries = new Map<string, Failures>();
  readonly #now: () => number;
  readonly #limit: number;

  constructor(now: () => number, limit: number) {
    this.#now = now;
    this.#limit = limit;
  }

  /** Seconds until `key` may try again; 0 when it may now. */
  retryAfterSeconds(key: string): number {
    const entry = this.#current(key);
    if (!entry || entry.count < this.#limit) return 0;
    return Math.ceil((entry.firstAt + SIGN_IN_WINDOW_MS - this.#now()) / 1000);
  }

  add(key: string): void {
    const entry = this.#current(key);
    if (entry) {
      entry.count += 1;
      return;
    }
    if (this.#entries.size >= MAX_ENTRIES) this.#makeRoom();
    this.#entries.set(key, { count: 1, firstAt: this.#now() });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  #current(key: string): Failures | undefined {
    const entry = this.#entries.get(key);
    if (entry && this.#now() - entry.firstAt >= SIGN_IN_WINDOW_MS) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #makeRoom(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (now - entry.firstAt >= SIGN_IN_WINDOW_MS) this.#entries.delete(key);
    }
    if (this.#entries.size < MAX_ENTRIES) return;
    // A Map iterates in insertion order: the first key is the oldest window.
    for (const [key, entry] of this.#entries) {
      if (entry.count < this.#limit) {
        this.#entries.delete(key);
        return;
      }
    }
    const oldest = this.#entries.keys().next();
    if (!oldest.done) this.#entries.delete(oldest.value);
  }
}

/**
 * Counts failed sign-ins in memory of the provider, so several bff copies in front of it share one
 * count. Per account *and* client address (5 in 15 minutes), so a flood from one address never
 * locks the account out for another; per address (50 in 15 minutes, whatever the accounts), so one
 * address can neither guess across accounts nor fill the table with made-up ones to push its own
 * throttled entry out; and per sign-in (5), so one authorization request is not a guessing
 * session. A success clears its account's count at that address.
 *
 * @example
 * const throttle = new LoginThrottle();
 * throttle.retryAfterSeconds("support@smartphonekey.com", "203.0.113.7") // 0 while sign-ins are allowed
 */
export class LoginThrottle {
  readonly #perAccount: FailureCounts;
  readonly #perAddress: FailureCounts;
  readonly #perSignIn: FailureCounts;

  constructor(now: () => number = Date.now) {
    this.#perAccount = new FailureCounts(now, MAX_FAILED_SIGN_INS);
    this.#perAddress = new FailureCounts(now, MAX_FAILURES_PER_ADDRESS);
    this.#perSignIn = new FailureCounts(now, MAX_FAILED_SIGN_INS);
  }

  /**
   * Seconds until this account may try again from this address (and in this sign-in, the
   * interaction's uid: one sign-in takes five wrong passwords, then must be started again).
   */
  retryAfterSeconds(email: string, address: string, signIn?: string): number {
    return Math.max(
      this.#perAccount.retryAfterSeconds(throttleKey(email, address)),
      this.#perAddress.retryAfterSeconds(address),
      signIn === undefined ? 0 : this.#perSignIn.retryAfterSeconds(signIn),
    );
  }

  recordFailure(email: string, address: string, signIn?: string): void {
    this.#perAccount.add(throttleKey(email, address));
    this.#perAddress.add(address);
    if (signIn !== undefined) this.#perSignIn.add(signIn);
  }

  recordSuccess(email: string, address: string): void {
    this.#perAccount.delete(throttleKey(email, address));
  }

  /** Entries held (per account and address, per address): for tests of the bound. */
  get sizes(): { perAccount: number; perAddress: number } {
    return { perAccount: this.#perAccount.size, perAddress: this.#perAddress.size };
  }
}

/** The per-account key: the account as it is looked up (ASCII case folded), and the client's address. */
export function throttleKey(email: string, clientAddress: string): string {
  return `${accountKey(email)}|${clientAddress}`;
}
