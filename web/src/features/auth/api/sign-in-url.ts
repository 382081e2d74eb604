import { safeRedirect } from "@/lib/safe-redirect";

/**
 * The bff's start of an OpenID Connect sign-in, coming back to `returnTo` (a same-origin path).
 *
 * @example signInUrl("/dev/locks/1005?mode=DELETE_DO_ONLY") // "/bff/login?returnTo=%2Fdev%2Flocks%2F1005%3Fmode%3DDELETE_DO_ONLY"
 */
export function signInUrl(returnTo: string): string {
  return `/bff/login?${new URLSearchParams({ returnTo: safeRedirect(returnTo) })}`;
}
