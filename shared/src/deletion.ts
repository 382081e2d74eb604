import { z } from "zod";
import { ScheduleParam } from "./duration.ts";
import { TargetType } from "./ids.ts";

export const DeletionMode = z.enum(["DELETE_DO_ONLY", "DELETE_DO_AND_EVENTS"], {
  error: "must be DELETE_DO_ONLY or DELETE_DO_AND_EVENTS",
});
export type DeletionMode = z.infer<typeof DeletionMode>;

export const JwkDeleteAction = z.enum(["NULLIFY", "DELETE"], { error: "must be NULLIFY or DELETE" });
export type JwkDeleteAction = z.infer<typeof JwkDeleteAction>;

/** A query flag: exactly `true` or `false`, nothing else (no `1`, `yes`, `TRUE`). */
export const BooleanFlag = z
  .enum(["true", "false"], { error: "must be true or false" })
  .transform((v) => v === "true");

export const LockDeleteQuery = z.strictObject({
  mode: DeletionMode,
  cascadeDeleteKeys: BooleanFlag.default(true),
  dryRun: BooleanFlag.default(false),
  schedule: ScheduleParam.optional(),
});
export type LockDeleteQuery = z.infer<typeof LockDeleteQuery>;

export const HubDeleteQuery = z.strictObject({
  mode: DeletionMode,
  dryRun: BooleanFlag.default(false),
  schedule: ScheduleParam.optional(),
});
export const ProjectKeyDeleteQuery = z.strictObject({
  jwkDeleteAction: JwkDeleteAction.default("NULLIFY"),
  dryRun: BooleanFlag.default(false),
  schedule: ScheduleParam.optional(),
});
export const DryRunOnlyQuery = z.strictObject({ dryRun: BooleanFlag.default(false) });
/** Endpoint 5: a dry run, or a waiting period. */
export const OrgKeysDeleteQuery = z.strictObject({
  dryRun: BooleanFlag.default(false),
  schedule: ScheduleParam.optional(),
});
/** `POST /admin/archives/{archiveId}/restore?dryRun=` (issue 2.3). */
export const RestoreQuery = z.strictObject({ dryRun: BooleanFlag.default(false) });
/**
 * Endpoint 1's body: none, or a JSON object with no fields (options travel in the query). A field
 * is refused rather than ignored: `{"dryRun": true}` in the body must not run a real delete-all.
 */
export const DeleteAllBody = z.strictObject({});

/** One line of a plan: something that goes or something that stays. */
export const PlanItem = z.object({
  kind: z.enum([
    "events",
    "archive",
    "do-state",
    "d1-rows",
    "jwk",
    "jwk-reference",
    "deployment",
    "org-key",
    "node-key",
    "audit-log",
    "api-keys",
  ]),
  label: z.string(),
  count: z.number().int().nonnegative(),
  table: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const PlanWarning = z.object({
  code: z.enum([
    "ORPHANED_KEY_ASSIGNMENTS",
    "NODES_MUST_REREGISTER",
    "ENVIRONMENTS_UNDEPLOYED",
    "RECENT_ACTIVITY",
    "JWKS_DELETED",
    "JWKS_NULLIFIED",
    "EVENTS_KEPT",
    "IRREVERSIBLE",
  ]),
  message: z.string(),
});
export type PlanWarning = z.infer<typeof PlanWarning>;

export const PlanCounts = z.object({
  events: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  d1Rows: z.record(z.string(), z.number().int().nonnegative()),
  doInstances: z.number().int().nonnegative(),
  jwks: z.number().int().nonnegative(),
  environments: z.number().int().nonnegative(),
  nodes: z.number().int().nonnegative(),
});
export type PlanCounts = z.infer<typeof PlanCounts>;

/** The itemised dry-run plan: exactly what a deletion with the same options would do. */
export const Plan = z.object({
  target: z.object({ type: TargetType.or(z.literal("environment")), id: z.string(), label: z.string() }),
  environment: z.string(),
  options: z.record(z.string(), z.union([z.string(), z.boolean()])),
  delete: z.array(PlanItem),
  keep: z.array(PlanItem),
  /** A restore's plan: what is written back from the archive. */
  restore: z.array(PlanItem).optional(),
  counts: PlanCounts,
  warnings: z.array(PlanWarning),
  /** The facts the planToken is computed from; a 412 names those that changed. */
  fingerprint: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type Plan = z.infer<typeof Plan>;

/** Ours: one step of a deletion, structured; the published `operations` are its lines for people. */
export const DeletionStep = z.object({
  name: z.string(),
  status: z.enum(["done", "skipped", "failed"]),
  detail: z.string(),
  count: z.number().int().nonnegative().optional(),
  durationMs: z.number().nonnegative().optional(),
});
export type DeletionStep = z.infer<typeof DeletionStep>;

/** Ours (`summary` on endpoints 1-3): what a hub, lock or environment deletion removed, in numbers. */
export const DeletionSummary = z.object({
  eventsDeleted: z.number().int().nonnegative(),
  eventsArchived: z.number().int().nonnegative(),
  bytesDeleted: z.number().int().nonnegative(),
  d1RowsDeleted: z.record(z.string(), z.number().int().nonnegative()),
  doInstancesDeleted: z.number().int().nonnegative(),
  archivePath: z.string().nullable(),
  /** The verified archive's SHA-256 (null without an archive). */
  archiveSha256: z.string().nullable(),
  /** R2 objects removed (event segments). */
  objectsDeleted: z.number().int().nonnegative(),
});
export type DeletionSummary = z.infer<typeof DeletionSummary>;

/** Ours, beside every published deletion shape (never in place of a published field). */
const OUR_DELETION_FIELDS = {
  steps: z.array(DeletionStep),
  /** The job that ran it; null on a dry run. */
  jobId: z.string().nullable(),
  dryRun: z.boolean(),
  plan: Plan,
  planToken: z.string(),
  /** The final audit record; null on a dry run. */
  auditId: z.string().nullable(),
  /** Generated by the api for the request that created the job (also in `X-Request-Id`). */
  requestId: z.string(),
  /** The `X-Request-Id` that request's client sent: kept, never taken as ours. */
  clientRequestId: z.string().optional(),
};

/**
 * Endpoints 1-3 as published: `operations` are human-readable lines (one per step),
 * `deletionSummary` one sentence, `duration` in seconds, `auditLogPath` the audit record's R2 path
 * (empty on a dry run, which writes none).
 */
const CleanupResultBase = z.object({
  success: z.boolean(),
  operations: z.array(z.string()),
  deletionSummary: z.string(),
  auditLogPath: z.string(),
  duration: z.number().nonnegative(),
  errors: z.array(z.string()),
  ...OUR_DELETION_FIELDS,
  summary: DeletionSummary,
});

export const LockDeletionResponse = CleanupResultBase.extend({
  /** The hub the lock is paired with (null when none): the published shape is the hub's plus two fields. */
  hubId: z.string().nullable(),
  lockId: z.string(),
  mode: DeletionMode,
  cascadeDeleteKeys: z.boolean(),
});
export type LockDeletionResponse = z.infer<typeof LockDeletionResponse>;

export const HubDeletionResponse = CleanupResultBase.extend({ hubId: z.string(), mode: DeletionMode });
export type HubDeletionResponse = z.infer<typeof HubDeletionResponse>;

export const DeleteAllResponse = CleanupResultBase;
export type DeleteAllResponse = z.infer<typeof DeleteAllResponse>;

export const EnvironmentResult = z.object({
  environmentName: z.string(),
  success: z.boolean(),
  message: z.string(),
});

/** Ours on endpoints 4 and 5, whose published shapes have none of them. */
const OURS_ON_D1_ENDPOINTS = {
  ...OUR_DELETION_FIELDS,
  errors: z.array(z.string()),
  /** The audit record's R2 path; empty on a dry run. */
  auditLogPath: z.string(),
};

export const ProjectKeyDeletionResponse = z.object({
  success: z.boolean(),
  deploymentResult: z.object({
    success: z.boolean(),
    message: z.string(),
    environmentResults: z.array(EnvironmentResult),
  }),
  /** Ours: what happened to the JWKs made from the key. */
  jwkResult: z.object({ action: JwkDeleteAction, count: z.number().int().nonnegative() }),
  summary: z.object({
    keysDeleted: z.number().int().nonnegative(),
    environmentsUndeployed: z.number().int().nonnegative(),
    jwks: z.number().int().nonnegative(),
  }),
  ...OURS_ON_D1_ENDPOINTS,
});
export type ProjectKeyDeletionResponse = z.infer<typeof ProjectKeyDeletionResponse>;

export const OrgKeyDeletionResponse = z.object({
  success: z.boolean(),
  message: z.string(),
  /** Ours: how many keys and node–key relationships went. */
  summary: z.object({
    orgKeysDeleted: z.number().int().nonnegative(),
    nodeKeysDeleted: z.number().int().nonnegative(),
  }),
  ...OURS_ON_D1_ENDPOINTS,
});
export type OrgKeyDeletionResponse = z.infer<typeof OrgKeyDeletionResponse>;

/** Ours (`summary` of a restore): what was written back from the archive. */
export const RestoreSummary = z.object({
  eventsRestored: z.number().int().nonnegative(),
  bytesRestored: z.number().int().nonnegative(),
  d1RowsRestored: z.record(z.string(), z.number().int().nonnegative()),
  doInstancesRebuilt: z.number().int().nonnegative(),
  archiveId: z.string(),
  archivePath: z.string(),
  archiveSha256: z.string(),
});
export type RestoreSummary = z.infer<typeof RestoreSummary>;

/**
 * `POST /admin/archives/{archiveId}/restore` (ours, issue 2.3): the shape of endpoints 1-3 with a
 * `restoreSummary` sentence instead of `deletionSummary`, and what was restored.
 */
export const RestoreResponse = z.object({
  success: z.boolean(),
  operations: z.array(z.string()),
  restoreSummary: z.string(),
  auditLogPath: z.string(),
  duration: z.number().nonnegative(),
  errors: z.array(z.string()),
  ...OUR_DELETION_FIELDS,
  archiveId: z.string(),
  targetType: z.enum(["lock", "hub"]),
  /** A lock's numeric id, a hub's UUID. */
  targetId: z.string(),
  uuid: z.string(),
  summary: RestoreSummary,
});
export type RestoreResponse = z.infer<typeof RestoreResponse>;
