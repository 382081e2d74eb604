export interface SignInSearch {
  redirect?: string | undefined;
  expired?: boolean | undefined;
  /** Set by the bff when the provider's account is not staff. */
  refused?: "not-staff" | undefined;
  /** Set by the bff once the provider's session ended too. */
  signedOut?: boolean | undefined;
}

/**
 * The sign-in page's search, checked by hand rather than with zod: zod would be a quarter of the
 * JavaScript of the one page everyone loads before signing in (ADR 025). A value of the wrong kind
 * is dropped, as `.optional().catch(undefined)` would.
 *
 * @example validateSignInSearch({ redirect: "/dev/locks/1001", expired: true, refused: "x" }) // { redirect: "/dev/locks/1001", expired: true }
 */
export function validateSignInSearch(search: Record<string, unknown>): SignInSearch {
  const { redirect, expired, refused, signedOut } = search;
  const valid: SignInSearch = {};
  if (typeof redirect === "string" && redirect.length <= 2000) valid.redirect = redirect;
  if (typeof expired === "boolean") valid.expired = expired;
  if (refused === "not-staff") valid.refused = refused;
  if (typeof signedOut === "boolean") valid.signedOut = signedOut;
  return valid;
}
