const MODES: Record<string, string> = {
  DELETE_DO_ONLY: "DO reset, events kept",
  DELETE_DO_AND_EVENTS: "DO + events, for good",
};

/**
 * A deletion's options in the few words a list row has room for; empty when it had none.
 * `cascadeDeleteKeys` only matters when the events went too, and is said only then.
 *
 * @example describeOptions({ mode: "DELETE_DO_AND_EVENTS", cascadeDeleteKeys: false }) // "DO + events, for good · key assignments kept"
 */
export function describeOptions(options: Record<string, unknown> | undefined): string {
  if (!options) return "";
  const parts: string[] = [];
  const mode = typeof options.mode === "string" ? options.mode : undefined;
  if (mode) parts.push(MODES[mode] ?? mode);
  if (mode === "DELETE_DO_AND_EVENTS" && options.cascadeDeleteKeys === false)
    parts.push("key assignments kept");
  if (typeof options.jwkDeleteAction === "string") {
    parts.push(options.jwkDeleteAction === "DELETE" ? "JWKs deleted" : "JWK references cleared");
  }
  if (typeof options.schedule === "string") parts.push(`scheduled ${options.schedule}`);
  return parts.join(" · ");
}
