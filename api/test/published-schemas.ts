import { z } from "zod";

// The admin API's responses as DESIGN §3.2–§3.4 publishes them, written from that text alone (no
// import of the project's own contract): a client generated from the published docs parses with
// these. Extra fields are allowed (ours may be added beside, never in place of, published ones).

/** Endpoint 1: `{success, operations: string[], deletionSummary: string, auditLogPath: string, duration: number, errors: string[]}`. */
export const PublishedDeleteAll = z.looseObject({
  success: z.boolean(),
  operations: z.array(z.string()),
  deletionSummary: z.string(),
  auditLogPath: z.string(),
  duration: z.number(),
  errors: z.array(z.string()),
});

/** Endpoint 2: the same plus `hubId`, `mode`. */
export const PublishedHubDeletion = PublishedDeleteAll.extend({ hubId: z.string(), mode: z.string() });

/** Endpoint 3: the same plus `lockId`, `mode`, `cascadeDeleteKeys` (boolean). */
export const PublishedLockDeletion = PublishedDeleteAll.extend({
  lockId: z.union([z.string(), z.number()]),
  mode: z.string(),
  cascadeDeleteKeys: z.boolean(),
});

/** Endpoint 4: `{success, deploymentResult:{success, message, environmentResults:[{environmentName, success, message}]}}`. */
export const PublishedProjectKeyDeletion = z.looseObject({
  success: z.boolean(),
  deploymentResult: z.looseObject({
    success: z.boolean(),
    message: z.string(),
    environmentResults: z.array(
      z.looseObject({ environmentName: z.string(), success: z.boolean(), message: z.string() }),
    ),
  }),
});

/** Endpoint 5: `{success, message}`; its errors `{success:false, message}`. */
export const PublishedOrgKeyDeletion = z.looseObject({ success: z.boolean(), message: z.string() });
export const PublishedOrgKeyError = z.looseObject({ success: z.literal(false), message: z.string() });
export const PUBLISHED_ORG_DENIED = {
  success: false,
  message: "Access denied: you can only manage keys for your own organization",
};
export const PublishedOrgKeySuccessMessage = /^Successfully deleted \d+ organization key\(s\)$/;

/** The published error shapes. */
export const PublishedBadRequest = z.looseObject({
  error: z.literal("Bad Request"),
  message: z.string(),
  code: z.literal(400),
  details: z.array(z.looseObject({ field: z.string(), message: z.string() })),
});
export const PublishedUnauthorized = z.looseObject({
  error: z.literal("Unauthorized"),
  message: z.string(),
  code: z.literal(401),
});
export const PublishedForbidden = z.looseObject({
  error: z.literal("Forbidden"),
  message: z.string(),
  code: z.literal(403),
});
export const PublishedInternalError = z.looseObject({
  error: z.literal("Internal Server Error"),
  message: z.string(),
  code: z.literal(500),
  requestId: z.string(),
});

/** §3.3: a concurrent deletion of a target with a live job. */
export const PublishedConflict = z.looseObject({
  error: z.literal("Conflict"),
  code: z.literal(409),
  message: z.string(),
  jobId: z.string(),
});

/** §3.4: a job that outlives 25 s, or `Prefer: respond-async`. */
export const PublishedAccepted = z.looseObject({
  jobId: z.string(),
  status: z.string(),
  statusUrl: z.string(),
});

/** §3.4: `GET /admin/jobs/{jobId}`. */
export const PublishedJob = z.looseObject({
  jobId: z.string(),
  action: z.string(),
  target: z.looseObject({ type: z.string(), id: z.string(), label: z.string() }),
  status: z.enum(["queued", "scheduled", "awaiting-approval", "running", "succeeded", "failed", "cancelled"]),
  actor: z.string(),
  createdAt: z.string(),
  runAt: z.string().nullable(),
  steps: z.array(
    z.looseObject({
      name: z.string(),
      status: z.string(),
      done: z.number().nullable(),
      total: z.number().nullable(),
      startedAt: z.string().nullable(),
      endedAt: z.string().nullable(),
    }),
  ),
  progress: z.looseObject({ done: z.number(), total: z.number() }),
  result: z.unknown(),
  auditIds: z.array(z.string()),
  error: z.unknown(),
});

/** §3.3: `GET /admin/archives?targetType=&targetId=`. */
export const PublishedArchives = z.looseObject({
  items: z.array(
    z.looseObject({
      id: z.string(),
      targetType: z.string(),
      targetId: z.string(),
      path: z.string(),
      events: z.number().nullable(),
      bytes: z.number().nullable(),
      sha256: z.string().nullable(),
      createdAt: z.string(),
      jobId: z.string().nullable(),
    }),
  ),
});
