import { type RelyingParty, SignInError } from "./relying-party.ts";

type Tokens = { refreshToken?: string | undefined; accessToken?: string | undefined };
type Options = { retryMs?: number; waitMs?: number; now?: () => number };

/** Sign-outs whose revocation is still owed, at most: a long outage cannot grow memory without bound. */
const MAX_PENDING = 10_000;

/**
 * Revokes a signed-out session's tokens at the provider (RFC 7009; at our provider that ends the
 * whole grant, which is how every other bff copy learns of the sign-out), and keeps at it while the
 * provider is unreachable: every `retryMs` until the session would have ended anyway. So a sign-out
 * during an outage reaches the other copies once the provider is back, not never. Sign-out itself
 * waits at most `waitMs` for the first attempt. The debt lives in this process: a restart before
 * the provider is back forgets it (ADR 018).
 *
 * @example
 * const revoked = await revocations.revoke(session.sid, tokens, sessionEnd); // false: owed, retrying
 */
export class SignOutRevocations {
  readonly #rp: Pick<RelyingParty, "revoke">;
  readonly #retryMs: number;
  readonly #waitMs: number;
  readonly #now: () => number;
  readonly #owed = new Map<string, { tokens: Tokens; until: number }>();

  constructor(
    rp: Pick<RelyingParty, "revoke">,
    { retryMs = 5_000, waitMs = 3_000, now = Date.now }: Options = {},
  ) {
    this.#rp = rp;
    this.#retryMs = retryMs;
    this.#waitMs = waitMs;
    this.#now = now;
  }

  /** True when the provider revoked within the wait; false when it did not (yet): then it is retried. */
  revoke(sid: string, tokens: Tokens, until: number): Promise<boolean> {
    if (!this.#owed.has(sid) && this.#owed.size >= MAX_PENDING) {
      const oldest = this.#owed.keys().next();
      if (!oldest.done) this.#owed.delete(oldest.value);
    }
    this.#owed.set(sid, { tokens, until });
    const attempt = this.#attempt(sid);
    const waited = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), this.#waitMs).unref());
    return Promise.race([attempt, waited]);
  }

  /** Sign-outs whose revocation the provider has not confirmed yet. */
  get owed(): number {
    return this.#owed.size;
  }

  async #attempt(sid: string): Promise<boolean> {
    const debt = this.#owed.get(sid);
    if (!debt) return true;
    try {
      await this.#rp.revoke(debt.tokens);
      this.#owed.delete(sid);
      return true;
    } catch (err) {
      const unreachable = err instanceof SignInError && err.code === "unreachable";
      if (!unreachable || this.#now() + this.#retryMs >= debt.until) {
        this.#owed.delete(sid);
        console.error(
          `[bff] sign-out ${sid.slice(0, 8)}…: revocation failed for good:`,
          (err as Error).message,
        );
        return false;
      }
      console.warn(
        `[bff] sign-out ${sid.slice(0, 8)}…: provider unreachable, revoking again in ${this.#retryMs} ms`,
      );
      setTimeout(() => void this.#attempt(sid), this.#retryMs).unref();
      return false;
    }
  }
}
