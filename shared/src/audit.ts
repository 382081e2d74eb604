import { z } from "zod";

export const AuditOutcome = z.enum(["success", "failure", "refused"]);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

export const AuditAction = z.enum([
  "delete-all",
  "delete-hub",
  "delete-lock",
  "delete-project-key",
  "delete-org-keys",
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** The index row listed by GET /admin/audit. */
export const AuditSummary = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  environment: z.string(),
  action: AuditAction,
  targetType: z.string(),
  targetId: z.string(),
  outcome: AuditOutcome,
  reason: z.string().nullable(),
  requestId: z.string(),
  path: z.string(),
  /** The options the deletion ran with (`mode`, `cascadeDeleteKeys`, `jwkDeleteAction`); absent on old rows. */
  options: z.record(z.string(), z.unknown()).optional(),
});
export type AuditSummary = z.infer<typeof AuditSummary>;

/** The full record stored in R2 at its path; `hash` chains it to `prevHash`. */
export const AuditRecord = AuditSummary.extend({
  options: z.record(z.string(), z.unknown()),
  plan: z.unknown().nullable(),
  result: z.unknown().nullable(),
  httpStatus: z.number().int(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditListQuery = z.strictObject({
  actor: z.string().max(320).optional(),
  targetType: z.string().max(32).optional(),
  targetId: z.string().max(200).optional(),
  action: AuditAction.optional(),
  outcome: AuditOutcome.optional(),
  from: z.iso.datetime({ error: "must be an ISO 8601 UTC time" }).optional(),
  to: z.iso.datetime({ error: "must be an ISO 8601 UTC time" }).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditListResponse = z.object({
  items: z.array(AuditSummary),
  nextCursor: z.string().nullable(),
});
export type AuditListResponse = z.infer<typeof AuditListResponse>;

/**
 * `GET /admin/audit/verify`: without parameters the whole chain; with `afterSeq` (and `limit`) one
 * stretch of it, linked to the record at `afterSeq`, so a long log is verified in steps that each
 * finish well inside a request's time.
 */
export const AuditVerifyQuery = z.strictObject({
  afterSeq: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});
export type AuditVerifyQuery = z.infer<typeof AuditVerifyQuery>;

export const AuditVerifyResponse = z.object({
  ok: z.boolean(),
  /** Records checked by this call (the whole chain, or the stretch asked for). */
  checked: z.number().int(),
  firstBroken: z.object({ id: z.string(), seq: z.number().int(), reason: z.string() }).nullable(),
  /** For a stretch: the `afterSeq` of the next one, null at the chain's end or a break. */
  nextAfterSeq: z.number().int().nullable().optional(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;
