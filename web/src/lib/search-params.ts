/**
 * The router's `parseSearch`. Search params stay plain text (`?q=1001&mode=DELETE_DO_ONLY&preview=true`),
 * readable and pasteable into a ticket: only `true`/`false` become booleans. Everything else stays
 * the string it was, so a numeric lock id (`?targetId=1016`) reaches the route's schema as the
 * string it accepts, not as a number it would drop.
 *
 * @example parseSearch("?targetId=1016&preview=true") // { targetId: "1016", preview: true }
 */
export function parseSearch(searchStr: string): Record<string, unknown> {
  const search: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(searchStr)) {
    search[key] = value === "true" ? true : value === "false" ? false : value;
  }
  return search;
}
