import { formatBytes, formatNumber } from "@/lib/format";

/** One fact of a plan that changed between the preview and the deletion (a 412's `changes`). */
export interface PlanChange {
  field: string;
  previewed: unknown;
  current: unknown;
}

/** Counted facts of the plans' fingerprints, by what they count. */
const COUNTED: Record<string, [one: string, many: string]> = {
  keyAssignments: ["key assignment", "key assignments"],
  key_assignments: ["key assignment", "key assignments"],
  tempKeys: ["temp key", "temp keys"],
  temp_keys: ["temp key", "temp keys"],
  pairedLocks: ["paired lock", "paired locks"],
  keyCount: ["organization key", "organization keys"],
  org_keys: ["organization key", "organization keys"],
  nodeKeyCount: ["node–key relationship", "node–key relationships"],
  node_keys: ["node–key relationship", "node–key relationships"],
  eventCount: ["event", "events"],
  events: ["event", "events"],
  doInstances: ["Durable Object with state", "Durable Objects with state"],
  users: ["user", "users"],
  locks: ["lock", "locks"],
  hubs: ["hub", "hubs"],
  organizations: ["organization", "organizations"],
  org_nodes: ["node", "nodes"],
  project_keys: ["project key", "project keys"],
  jwks: ["JWK", "JWKs"],
  deployments: ["deployment", "deployments"],
};

/** Facts listed as comma-joined ids, by what one item is. */
const LISTED: Record<string, string> = {
  keyIds: "organization key",
  jwks: "JWK",
  environments: "deployment to",
};

/** Facts that only restate another one a reader already gets. */
const SHADOWED: Record<string, string> = {
  lastEventSeq: "eventCount",
  eventBytes: "eventCount",
};

const NAMES: Record<string, string> = {
  name: "name",
  hubId: "hub it is paired with",
  uuid: "UUID",
  createdAt: "creation time",
};

function counted(field: string, before: number, after: number): string {
  const [one, many] = COUNTED[field] ?? [field, field];
  const n = Math.abs(after - before);
  const isEvents = field === "eventCount" || field === "events";
  const verb = after < before ? "removed" : isEvents ? "recorded" : "added";
  return `${formatNumber(n)} ${n === 1 ? one : many} ${n === 1 ? "was" : "were"} ${verb} since your preview (${formatNumber(before)} → ${formatNumber(after)})`;
}

function listed(field: string, before: string, after: string): string {
  const item = LISTED[field] as string;
  const split = (s: string) => s.split(",").filter(Boolean);
  const was = new Set(split(before));
  const now = new Set(split(after));
  const added = [...now].filter((x) => !was.has(x));
  const removed = [...was].filter((x) => !now.has(x));
  const parts = [
    ...(added.length ? [`${item} ${added.join(", ")} ${added.length === 1 ? "was" : "were"} added`] : []),
    ...(removed.length
      ? [`${item} ${removed.join(", ")} ${removed.length === 1 ? "was" : "were"} removed`]
      : []),
  ];
  return `${parts.join("; ") || `the ${item} list changed`} since your preview`;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  return typeof value === "string" ? `“${value}”` : JSON.stringify(value);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * What a 412 says changed, as sentences a support engineer reads without knowing the plan's
 * fields: "1 key assignment was added since your preview (2 → 3)". Facts that restate another
 * (an event count's bytes and sequence) are left out when that one is said.
 *
 * @example describePlanChanges([{ field: "pairedLocks", previewed: 4, current: 3 }])
 * // ["1 paired lock was removed since your preview (4 → 3)"]
 */
export function describePlanChanges(changes: readonly PlanChange[]): string[] {
  const fields = new Set(changes.map((c) => c.field));
  const sentences: string[] = [];
  for (const { field, previewed, current } of changes) {
    const shadow = SHADOWED[field];
    if (shadow && fields.has(shadow)) continue;
    if (field === "planToken") {
      sentences.push("Your preview is unknown to the api or has expired");
    } else if (field in LISTED && typeof previewed === "string" && typeof current === "string") {
      sentences.push(capitalise(listed(field, previewed, current)));
    } else if (typeof previewed === "number" && typeof current === "number") {
      if (field === "eventBytes") {
        sentences.push(
          `The events' size changed since your preview (${formatBytes(previewed)} → ${formatBytes(current)})`,
        );
      } else if (field === "lastEventSeq") {
        sentences.push("New events were recorded since your preview");
      } else {
        sentences.push(capitalise(counted(field, previewed, current)));
      }
    } else if (field.startsWith("options.")) {
      sentences.push(`The option ${field.slice(8)} is ${show(current)}, not ${show(previewed)} as previewed`);
    } else {
      const name = NAMES[field] ?? field.replace(/^target\./, "target's ");
      sentences.push(`The ${name} changed since your preview, from ${show(previewed)} to ${show(current)}`);
    }
  }
  return sentences.map((s) => `${s}.`);
}
