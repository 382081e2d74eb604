import { z } from "zod";
import { AuditAction } from "./audit.ts";
import { Plan } from "./deletion.ts";
import { Uuid } from "./ids.ts";

/**
 * A deletion job's status (DESIGN §3.4). `queued`: claimed, its Workflow not yet running;
 * `scheduled` / `awaiting-approval`: waiting for `runAt` or a second person (issue 2.3);
 * `running`; and the ends `succeeded`, `failed`, `cancelled`. The first four are live: while a
 * target has a live job, no other deletion of it can start.
 */
export const JobStatus = z.enum([
  "queued",
  "scheduled",
  "awaiting-approval",
  "running",
  "succeeded",
  "failed",
  "cancelled",
]);
export type JobStatus = z.infer<typeof JobStatus>;
export const LIVE_JOB_STATUSES = ["queued", "scheduled", "awaiting-approval", "running"] as const;
export const isLiveJobStatus = (s: JobStatus) => (LIVE_JOB_STATUSES as readonly string[]).includes(s);

/** What a job deletes: a lock by its numeric id, a hub by UUID, `environment` for delete-all. */
export const JobTargetType = z.enum(["lock", "hub", "organization", "project-key", "environment"]);
export type JobTargetType = z.infer<typeof JobTargetType>;

export const JobStepName = z.enum([
  "record-started",
  "freeze-and-check",
  "archive",
  "delete-events",
  "delete-do-state",
  "delete-d1-rows",
  "publish-system-event",
  "verify-archive",
  "write-events",
  "write-d1-rows",
  "rebuild-do-state",
  "record-final",
]);
export type JobStepName = z.infer<typeof JobStepName>;

export const JobStepStatus = z.enum(["pending", "running", "done", "failed", "skipped"]);
export type JobStepStatus = z.infer<typeof JobStepStatus>;

/**
 * One step of a job as it runs. `done`/`total` count the step's own units (event objects, DO
 * instances, rows) and are null for a step that is one action; `detail` is a human line.
 */
export const JobStep = z.object({
  name: JobStepName,
  status: JobStepStatus,
  done: z.number().int().nonnegative().nullable(),
  total: z.number().int().nonnegative().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  detail: z.string().nullable(),
});
export type JobStep = z.infer<typeof JobStep>;

/** The job's answer once it ended: what the published endpoint answered (or would have). */
export const JobResult = z.object({ httpStatus: z.number().int(), body: z.unknown() });
export type JobResult = z.infer<typeof JobResult>;

/**
 * A job that needs a second staff member (REQUIRE_APPROVAL): until when it may be approved, and who
 * decided what. `decision` is null while it waits; `expired` once APPROVAL_TTL passed undecided.
 */
export const JobApproval = z.object({
  expiresAt: z.string(),
  decision: z.enum(["approved", "rejected", "expired"]).nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type JobApproval = z.infer<typeof JobApproval>;

/** `GET /admin/jobs/{jobId}` (DESIGN §3.4). */
export const Job = z.object({
  jobId: z.string(),
  action: AuditAction,
  target: z.object({ type: JobTargetType, id: z.string(), label: z.string() }),
  status: JobStatus,
  actor: z.string(),
  createdAt: z.string(),
  /** When it runs (its creation, or the end of a waiting period). */
  runAt: z.string(),
  steps: z.array(JobStep),
  /** Steps finished (done or skipped) of all steps. */
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  result: JobResult.nullable(),
  /** The job's audit records: `started` first, then its one final record. */
  auditIds: z.array(z.string()),
  error: z.object({ step: JobStepName.nullable(), message: z.string() }).nullable(),
  /** Ours: the options it runs with, the plan and token it was created with, and when it last changed. */
  options: z.record(z.string(), z.union([z.string(), z.boolean()])),
  planToken: z.string(),
  updatedAt: z.string(),
  endedAt: z.string().nullable(),
  /** A job that failed after a destructive step left its target part-deleted; a new deletion finishes it. */
  partial: z.boolean(),
  /** Ours (issue 2.3): the plan it applies, the requester's reason, its waiting period and approval. */
  plan: Plan.optional(),
  reason: z.string().nullable().optional(),
  /** The waiting period it was scheduled with (ISO 8601), or null. */
  schedule: z.string().nullable().optional(),
  approval: JobApproval.nullable().optional(),
  /** Who ended a job that never ran (cancelled, rejected), or null. */
  endedBy: z.string().nullable().optional(),
});
export type Job = z.infer<typeof Job>;

/**
 * 202 of a deletion that outlived the synchronous wait, was sent with `Prefer: respond-async`, was
 * scheduled (`runAt`) or waits for a second approver (`approval`).
 */
export const JobAccepted = z.object({
  jobId: z.string(),
  status: JobStatus,
  statusUrl: z.string(),
  runAt: z.string().optional(),
  approval: JobApproval.nullable().optional(),
});
export type JobAccepted = z.infer<typeof JobAccepted>;

export const JobIdPathParams = z.object({ jobId: Uuid });
export const ArchiveIdPathParams = z.object({ archiveId: Uuid });
/** `POST /admin/jobs/{jobId}/cancel|approve|reject`: no query. */
export const JobActionQuery = z.strictObject({});

export const JobListQuery = z.strictObject({
  status: JobStatus.optional(),
  targetType: JobTargetType.optional(),
  targetId: z.string().min(1).max(200).optional(),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/, "must be a cursor returned by a previous page")
    .optional(),
  limit: z.coerce
    .number({ error: "must be a whole number from 1 to 100" })
    .int("must be a whole number from 1 to 100")
    .min(1, "must be a whole number from 1 to 100")
    .max(100, "must be a whole number from 1 to 100")
    .default(20),
});
export type JobListQuery = z.infer<typeof JobListQuery>;

export const JobListResponse = z.object({ items: z.array(Job), nextCursor: z.string().nullable() });
export type JobListResponse = z.infer<typeof JobListResponse>;

/**
 * What a read of a target carries while a live job holds it, or after a job failed part-way
 * (`status: "failed"`): null otherwise.
 */
export const DeletionMarker = z.object({ jobId: z.string(), status: JobStatus }).nullable();
export type DeletionMarker = z.infer<typeof DeletionMarker>;

/** One archive (DESIGN §3.3): every object under `archives/` has one. */
export const ArchiveItem = z.object({
  id: z.string(),
  targetType: z.enum(["lock", "hub"]),
  /** A lock's numeric id (its UUID for archives written before jobs), a hub's UUID. */
  targetId: z.string(),
  path: z.string(),
  /** Events in the archive; null while it is being written. */
  events: z.number().int().nonnegative().nullable(),
  bytes: z.number().int().nonnegative().nullable(),
  sha256: z.string().nullable(),
  createdAt: z.string(),
  /** The job that wrote it; null for an archive written before jobs existed. */
  jobId: z.string().nullable(),
  /** Ours: `writing` until read back and verified. */
  status: z.enum(["writing", "verified"]),
  targetUuid: z.string().nullable(),
  /** Ours (issue 2.3): the restore job that put it back, once one did; an archive restores once. */
  restoredByJob: z.string().nullable().optional(),
  restoredAt: z.string().nullable().optional(),
  /** Whether a restore can be asked for: a verified archive with its header, not yet restored. */
  restorable: z.boolean().optional(),
});
export type ArchiveItem = z.infer<typeof ArchiveItem>;

export const ArchiveListQuery = z.strictObject({
  targetType: z.enum(["lock", "hub"]).optional(),
  targetId: z.string().min(1).max(200).optional(),
});
export type ArchiveListQuery = z.infer<typeof ArchiveListQuery>;

export const ArchiveListResponse = z.object({ items: z.array(ArchiveItem) });
export type ArchiveListResponse = z.infer<typeof ArchiveListResponse>;
