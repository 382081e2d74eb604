import { z } from "zod";
import { EnvironmentName, TargetType } from "./ids.ts";
import { DeletionMarker } from "./jobs.ts";

export const SearchQuery = z.strictObject({
  q: z.string().max(200, "must be at most 200 characters").default(""),
  type: TargetType.optional(),
  limit: z.coerce
    .number({ error: "must be a whole number from 1 to 100" })
    .int("must be a whole number from 1 to 100")
    .min(1, "must be a whole number from 1 to 100")
    .max(100, "must be a whole number from 1 to 100")
    .default(20),
  /** `nextCursor` of the previous page of the same search (same q and type). */
  cursor: z.string().min(1, "must not be empty").max(2000, "must be at most 2000 characters").optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** `id` is what the delete path takes; a project key's id is `projectName/keyName`. */
export const SearchItem = z.object({ type: TargetType, id: z.string(), label: z.string() });
export type SearchItem = z.infer<typeof SearchItem>;
/**
 * How many targets match: `total` when counted to the end, `totalAtLeast` when counting stopped at
 * its cap (1,000 per kind of match) — "Locks (20 of 1,000+)".
 */
export const SearchTotal = z.object({
  total: z.number().int().nonnegative().optional(),
  totalAtLeast: z.number().int().nonnegative().optional(),
});
export type SearchTotal = z.infer<typeof SearchTotal>;
/**
 * One page of results: exact matches first, then prefixes, then "contains" matches, each in index
 * order (natural order for names). The first page carries the totals, overall and `byType`;
 * `nextCursor`, when present, asks for the next page.
 */
export const SearchResponse = SearchTotal.extend({
  items: z.array(SearchItem),
  byType: z.partialRecord(TargetType, SearchTotal).optional(),
  nextCursor: z.string().optional(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

/** A lock's aggregate, replayed from its events. */
export const LockState = z.object({
  name: z.string(),
  hubId: z.string().nullable(),
  locked: z.boolean(),
  batteryLevel: z.number().nullable(),
  firmwareVersion: z.string().nullable(),
  lastActor: z.string().nullable(),
  keyHolders: z.array(z.string()),
  version: z.number().int().nonnegative(),
});
export type LockState = z.infer<typeof LockState>;

export const KeyAssignment = z.object({
  id: z.string(),
  userId: z.string(),
  userEmail: z.string().nullable(),
  role: z.string(),
  createdAt: z.string(),
});

export const LockDetail = z.object({
  type: z.literal("lock"),
  lockId: z.number().int(),
  uuid: z.string(),
  name: z.string(),
  hubId: z.string().nullable(),
  state: LockState,
  eventCount: z.number().int().nonnegative(),
  eventBytes: z.number().int().nonnegative(),
  lastEventAt: z.string().nullable(),
  keyAssignmentCount: z.number().int().nonnegative(),
  tempKeyCount: z.number().int().nonnegative(),
  keyAssignments: z.array(KeyAssignment),
  createdAt: z.string(),
  /** Set while a live deletion job holds the target, or after one failed part-way. */
  deletion: DeletionMarker,
});
export type LockDetail = z.infer<typeof LockDetail>;

export const HubState = z.object({
  name: z.string(),
  online: z.boolean(),
  firmwareVersion: z.string().nullable(),
  pairedLocks: z.array(z.string()),
  lastSeenAt: z.string().nullable(),
  version: z.number().int().nonnegative(),
});
export type HubState = z.infer<typeof HubState>;

export const HubDetail = z.object({
  type: z.literal("hub"),
  hubId: z.string(),
  name: z.string(),
  state: HubState,
  eventCount: z.number().int().nonnegative(),
  eventBytes: z.number().int().nonnegative(),
  lastEventAt: z.string().nullable(),
  lockCount: z.number().int().nonnegative(),
  /** Ours: the locks paired with the hub now (D1), with their names; `lockCount` counts them. */
  locks: z.array(z.object({ lockId: z.number().int(), uuid: z.string(), name: z.string() })).optional(),
  createdAt: z.string(),
  /** Set while a live deletion job holds the target, or after one failed part-way. */
  deletion: DeletionMarker,
});
export type HubDetail = z.infer<typeof HubDetail>;

export const OrgRole = z.enum(["OWNER", "ADMINISTRATOR", "MEMBER"]);
export const OrganizationDetail = z.object({
  type: z.literal("organization"),
  idOrg: z.string(),
  name: z.string(),
  keyCount: z.number().int().nonnegative(),
  nodeCount: z.number().int().nonnegative(),
  apiKeyCount: z.number().int().nonnegative(),
  members: z.array(z.object({ email: z.string(), role: OrgRole })),
  keys: z.array(z.object({ id: z.string(), createdAt: z.string(), nodeCount: z.number().int() })),
  nodes: z.array(z.object({ id: z.string(), name: z.string(), keyIds: z.array(z.string()) })),
  /** Set while a live deletion job holds the target, or after one failed part-way. */
  deletion: DeletionMarker,
});
export type OrganizationDetail = z.infer<typeof OrganizationDetail>;

export const ProjectKeyDetail = z.object({
  type: z.literal("project-key"),
  projectName: z.string(),
  keyName: z.string(),
  createdAt: z.string(),
  jwkCount: z.number().int().nonnegative(),
  jwks: z.array(z.object({ kid: z.string(), createdAt: z.string() })),
  deployments: z.array(z.object({ environmentName: z.string(), deployedAt: z.string() })),
  /** Set while a live deletion job holds the target, or after one failed part-way. */
  deletion: DeletionMarker,
});
export type ProjectKeyDetail = z.infer<typeof ProjectKeyDetail>;

export const EnvironmentCounts = z.object({
  hubs: z.number().int(),
  locks: z.number().int(),
  users: z.number().int(),
  keyAssignments: z.number().int(),
  tempKeys: z.number().int(),
  apiKeys: z.number().int(),
  organizations: z.number().int(),
  orgKeys: z.number().int(),
  projects: z.number().int(),
  jwks: z.number().int(),
  events: z.number().int(),
});
export const EnvironmentInfo = z.object({ name: EnvironmentName, counts: EnvironmentCounts });
export type EnvironmentInfo = z.infer<typeof EnvironmentInfo>;
