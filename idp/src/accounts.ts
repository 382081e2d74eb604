import { createHash, timingSafeEqual } from "node:crypto";
import { type DevAccount, findDevAccount } from "@cleanup/api/src/auth/dev-accounts.ts";

export { DEV_ACCOUNTS } from "@cleanup/api/src/auth/dev-accounts.ts";
export type { DevAccount };

/** Compares two secrets in constant time, whatever their lengths. */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * The seeded account for `email` when `password` is the dev password; the same seeded list the
 * api's dev issuer holds, so both issue tokens for the same people with the same `sub`.
 *
 * @example
 * checkPassword("support@smartphonekey.com", "dev-password", "dev-password")?.sub // "staff-support"
 */
export function checkPassword(email: string, password: string, devPassword: string): DevAccount | undefined {
  const account = findDevAccount(email);
  const ok = sameSecret(password, devPassword);
  return account && ok ? account : undefined;
}

/** The OpenID claims of an account: what the ID token, userinfo and the api's access token carry. */
export function claimsOf(account: DevAccount) {
  return {
    sub: account.sub,
    email: account.email,
    email_verified: true,
    name: account.name,
  };
}
