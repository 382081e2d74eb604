/**
 * A same-origin path to return to after sign-in, or `/`. Refuses absolute and protocol-relative
 * URLs so a crafted link cannot send a freshly signed-in user elsewhere.
 *
 * @example safeRedirect("/dev/locks/1001?mode=DELETE_DO_ONLY") // kept
 * @example safeRedirect("//evil.example/") // "/"
 */
export function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return "/";
  if (target.startsWith("/sign-in")) return "/";
  return target;
}
