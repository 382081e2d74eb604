import type {
  AuditAction,
  EndpointName,
  JobApproval,
  JobResult,
  JobStatus,
  JobStep,
  JobStepName,
  JobTargetType,
  Plan,
} from "@cleanup/shared";

/** The target a job deletes, as the claim and the reads know it. */
export type JobTarget = {
  type: JobTargetType;
  /** Canonical: a lock's numeric id, a hub's UUID, `projectName/keyName`, an org id, the environment. */
  id: string;
  /** A lock's or hub's UUID: its DO instance and R2 prefix. */
  uuid: string | null;
  label: string;
};

/** Everything a job runs with, fixed when it is created (D1 `jobs.params`). */
export type JobParams = {
  endpoint: EndpointName;
  environment: string;
  /** The options as the audit records them (a lock adds its UUID). */
  options: Record<string, string | boolean>;
  /** The plan the job applies: the previewed one under If-Match, else the one made for the request. */
  plan: Plan;
  planToken: string;
  /** The published fields the response adds for this target (`lockId`, `hubId`, `mode`…). */
  fields: Record<string, unknown>;
  reason: string | null;
  requestId: string;
  clientRequestId: string | null;
  /** The waiting period it was scheduled with (ISO 8601), or null (issue 2.3). */
  schedule?: string | null;
  /** Whether a second staff member must approve it before it runs (REQUIRE_APPROVAL). */
  needsApproval?: boolean;
};

export type StoredJob = {
  seq: number;
  jobId: string;
  action: AuditAction;
  target: JobTarget;
  status: JobStatus;
  actor: string;
  idemKey: string | null;
  requestHash: string;
  params: JobParams;
  steps: JobStep[];
  result: JobResult | null;
  error: { step: JobStepName | null; message: string } | null;
  auditIds: string[];
  partial: boolean;
  createdAt: string;
  runAt: string;
  endedAt: string | null;
  updatedAt: string;
  approval: JobApproval | null;
  endedBy: string | null;
};

export type JobRow = {
  seq: number;
  job_id: string;
  action: string;
  target_type: string;
  target_id: string;
  target_uuid: string | null;
  target_label: string;
  status: string;
  actor: string;
  idem_key: string | null;
  request_hash: string;
  params: string;
  steps: string;
  result: string | null;
  error: string | null;
  audit_ids: string;
  partial: number;
  created_at: string;
  run_at: string;
  ended_at: string | null;
  updated_at: string;
  approval: string | null;
  ended_by: string | null;
};
