import type { z } from "zod";
import { type AuditAction, AuditListQuery, AuditVerifyQuery } from "./audit.ts";
import { LoginRequest } from "./auth.ts";
import {
  DeleteAllBody,
  DryRunOnlyQuery,
  HubDeleteQuery,
  LockDeleteQuery,
  OrgKeysDeleteQuery,
  ProjectKeyDeleteQuery,
  RestoreQuery,
} from "./deletion.ts";
import {
  ArchiveIdPathParams,
  ArchiveListQuery,
  JobActionQuery,
  JobIdPathParams,
  JobListQuery,
  type JobTargetType,
} from "./jobs.ts";
import {
  AuditIdPathParams,
  HubPathParams,
  LockPathParams,
  OrgPathParams,
  ProjectKeyPathParams,
} from "./params.ts";
import { DevJobPaceBody } from "./service.ts";
import { SystemEventListQuery } from "./system-events.ts";
import { SearchQuery } from "./targets.ts";

/**
 * Who may call an endpoint (DESIGN 3.1). `staff`: the admin key and a staff JWT; `org-admin`
 * (endpoint 5): a JWT of an OWNER / ADMINISTRATOR of the organization alone, or staff with the admin
 * key; `project-secrets` (endpoint 4): a JWT whose `permissions` hold the SECRETS permissions for the
 * project, with or without the admin key; `public`: anyone. Where the key is not needed, a wrong one
 * sent is still a 401. The handler judges the token of the last two (its role, its permissions).
 */
export type Access = "public" | "staff" | "org-admin" | "project-secrets";

/** How long the bff waits for the api: `long` for calls that may take minutes. */
export type BffTimeout = "default" | "long";

export type EndpointDef = {
  method: "GET" | "POST" | "DELETE";
  /** Hono's form (`/admin/locks/:lockId`); a published trailing `/` is part of it. */
  path: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A body that may be left out; when sent it must be a JSON object this schema accepts. */
  optionalBody?: z.ZodType;
  access: Access;
  /** Errors in the endpoint's own published shape `{success: false, message}` (endpoint 5). */
  ownErrorShape?: boolean;
  /** Dev environment only: 403 elsewhere, or 404 when `hidden`. */
  devOnly?: "forbidden" | "hidden";
  /**
   * A deletion: it takes If-Match, Idempotency-Key and X-Audit-Reason, runs as a job and is audited
   * (refusals included) under `action`. `targetParams` name the path parameters whose values, joined
   * by `/`, are the target's id as sent; none means the environment itself.
   */
  deletes?: {
    action: AuditAction;
    /** `job` for the acts on a job (cancel, approve, reject), `archive` for a restore (the api files it under the archive's target). */
    targetType: JobTargetType | "job" | "archive";
    targetParams: readonly string[];
  };
  /** Forwarded by the bff (`/bff/api/{env}/…`), with this timeout; absent: never forwarded. */
  bff?: BffTimeout;
  /** The same route also answers without the published trailing slash. */
  trailingSlashOptional?: boolean;
  /** The OpenAPI operation: `response` names a component schema of the api's document. */
  doc: {
    operationId: string;
    tag: "service" | "reads" | "deletions" | "jobs" | "audit" | "dev";
    summary: string;
    description?: string;
    response: string;
    /** Error statuses beyond those every endpoint of its kind can answer. */
    errors?: number[];
    /** Statuses besides 200 that answer with a success shape (202 of a job). */
    accepted?: boolean;
  };
};

const DELETION_NOTE =
  "Runs as a durable job (`GET /admin/jobs/{jobId}`): the call waits for it up to 25 s and answers the " +
  "published shape, else (or with `Prefer: respond-async`) 202 `{jobId, status, statusUrl}`. " +
  "`dryRun=true` performs nothing and returns the plan and its `planToken`; send that token as " +
  '`If-Match: "<planToken>"` to apply exactly what was previewed (412 with `changes` otherwise). ' +
  "409 with `jobId` while another deletion of the target runs. `schedule=<ISO 8601 duration>` (at most P30D) " +
  "answers 202 with a `scheduled` job and its `runAt`: it can be cancelled until then, and at `runAt` it applies " +
  "the plan it was scheduled with (failing as a 412 when the target changed). Where the api requires a second " +
  "approver (`REQUIRE_APPROVAL`), the answer is 202 with an `awaiting-approval` job.";

const JOB_ACT_NOTE =
  "Staff only; `X-Audit-Reason` is recorded. Audited (a refusal too) under the job's target, with the caller as actor.";

/**
 * Every route of the api, once: the api registers its routes and middleware from this table, the
 * OpenAPI document and the refusal audit read it, the bff forwards what it marks, and the web
 * builds its paths with `endpointPath`. A new route (or a new deletion target) is one row here.
 */
export const ENDPOINTS = {
  getHealth: {
    method: "GET",
    path: "/health",
    access: "public",
    doc: {
      operationId: "getHealth",
      tag: "service",
      summary: "Liveness and the environment this deployment is",
      response: "HealthResponse",
    },
  },
  getOpenApiDocument: {
    method: "GET",
    path: "/openapi.json",
    access: "public",
    doc: {
      operationId: "getOpenApiDocument",
      tag: "service",
      summary: "This document",
      description: "Public: a description of the API, with no data or secrets in it.",
      response: "OpenApiDocument",
    },
  },
  issueDevToken: {
    method: "POST",
    path: "/auth/dev/token",
    access: "public",
    devOnly: "hidden",
    body: LoginRequest,
    doc: {
      operationId: "issueDevToken",
      tag: "dev",
      summary: "A token from the dev identity issuer for a seeded account",
      response: "DevTokenResponse",
      // 429: wrong passwords are throttled per account and source (ADR 018).
      errors: [400, 401, 429],
    },
  },
  getDevJwks: {
    method: "GET",
    path: "/.well-known/jwks.json",
    access: "public",
    devOnly: "hidden",
    doc: {
      operationId: "getDevJwks",
      tag: "dev",
      summary: "The dev issuer's public keys",
      response: "JwksResponse",
    },
  },
  seedDemoData: {
    method: "POST",
    path: "/admin/dev/seed",
    access: "staff",
    devOnly: "forbidden",
    doc: {
      operationId: "seedDemoData",
      tag: "dev",
      summary: "Fill an empty environment with the deterministic demo data set",
      response: "DevSeedResponse",
    },
  },
  simulateLockActivity: {
    method: "POST",
    path: "/admin/dev/locks/:lockId/activity",
    params: LockPathParams,
    access: "staff",
    devOnly: "forbidden",
    doc: {
      operationId: "simulateLockActivity",
      tag: "dev",
      summary: "Append one simulated device event to a lock (409 while a deletion job holds it)",
      response: "DevActivityResponse",
      errors: [404, 409],
    },
  },
  simulateHubActivity: {
    method: "POST",
    path: "/admin/dev/hubs/:hubId/activity",
    params: HubPathParams,
    access: "staff",
    devOnly: "forbidden",
    doc: {
      operationId: "simulateHubActivity",
      tag: "dev",
      summary: "Append one simulated device event to a hub (409 while a deletion job holds it)",
      response: "DevActivityResponse",
      errors: [404, 409],
    },
  },
  setDevJobPace: {
    method: "POST",
    path: "/admin/dev/job-pace",
    body: DevJobPaceBody,
    access: "staff",
    devOnly: "forbidden",
    doc: {
      operationId: "setDevJobPace",
      tag: "dev",
      summary:
        "Slow every deletion job's steps down, so an end-to-end test can watch one run (0: full speed)",
      response: "DevJobPaceResponse",
      errors: [400],
    },
  },
  getEnvironment: {
    method: "GET",
    path: "/admin/environment",
    access: "staff",
    bff: "default",
    doc: {
      operationId: "getEnvironment",
      tag: "reads",
      summary: "This deployment's name and how much data it holds",
      response: "EnvironmentInfo",
    },
  },
  searchTargets: {
    method: "GET",
    path: "/admin/search",
    query: SearchQuery,
    access: "staff",
    bff: "default",
    doc: {
      operationId: "searchTargets",
      tag: "reads",
      summary: "Deletable targets by id, UUID or name; an empty q lists",
      response: "SearchResponse",
    },
  },
  getLock: {
    method: "GET",
    path: "/admin/locks/:lockId",
    params: LockPathParams,
    access: "staff",
    bff: "default",
    doc: {
      operationId: "getLock",
      tag: "reads",
      summary: "A lock (numeric id or UUID) with its state replayed from its events",
      response: "LockDetail",
      errors: [404],
    },
  },
  getHub: {
    method: "GET",
    path: "/admin/hubs/:hubId",
    params: HubPathParams,
    access: "staff",
    bff: "default",
    doc: {
      operationId: "getHub",
      tag: "reads",
      summary: "A hub with its state replayed from its events",
      response: "HubDetail",
      errors: [404],
    },
  },
  getOrganization: {
    method: "GET",
    path: "/admin/organizations/:idOrg",
    params: OrgPathParams,
    access: "staff",
    bff: "default",
    doc: {
      operationId: "getOrganization",
      tag: "reads",
      summary: "An organization with its members, keys and nodes",
      response: "OrganizationDetail",
      errors: [404],
    },
  },
  getProjectKey: {
    method: "GET",
    path: "/apiops/projects/:projectName/keys/:keyName/",
    params: ProjectKeyPathParams,
    access: "staff",
    bff: "default",
    trailingSlashOptional: true,
    doc: {
      operationId: "getProjectKey",
      tag: "reads",
      summary: "A project's secret key with its JWKs and deployments",
      response: "ProjectKeyDetail",
      errors: [404],
    },
  },
  deleteAll: {
    method: "POST",
    path: "/admin/cleanup/delete-all",
    query: DryRunOnlyQuery,
    optionalBody: DeleteAllBody,
    access: "staff",
    devOnly: "forbidden",
    deletes: { action: "delete-all", targetType: "environment", targetParams: [] },
    bff: "long",
    doc: {
      operationId: "deleteAll",
      tag: "deletions",
      summary: "Endpoint 1: empty the environment (dev only); API keys, the audit log and archives stay",
      description: `${DELETION_NOTE} A body may be left out; one that is sent must be a JSON object with no fields (a 400 on \`body\` otherwise, nothing deleted).`,
      response: "DeleteAllResponse",
      accepted: true,
    },
  },
  deleteHub: {
    method: "DELETE",
    path: "/admin/cleanup/hubs/:hubId",
    params: HubPathParams,
    query: HubDeleteQuery,
    access: "staff",
    deletes: { action: "delete-hub", targetType: "hub", targetParams: ["hubId"] },
    bff: "default",
    doc: {
      operationId: "deleteHub",
      tag: "deletions",
      summary: "Endpoint 2: delete a hub's DO state, or its DO state and events (archived first)",
      description: DELETION_NOTE,
      response: "HubDeletionResponse",
      errors: [404],
      accepted: true,
    },
  },
  deleteLock: {
    method: "DELETE",
    path: "/admin/cleanup/locks/:lockId",
    params: LockPathParams,
    query: LockDeleteQuery,
    access: "staff",
    deletes: { action: "delete-lock", targetType: "lock", targetParams: ["lockId"] },
    bff: "default",
    doc: {
      operationId: "deleteLock",
      tag: "deletions",
      summary: "Endpoint 3: delete a lock's DO state, or its DO state, events (archived first) and D1 rows",
      description: `${DELETION_NOTE} \`cascadeDeleteKeys\` defaults to \`true\`.`,
      response: "LockDeletionResponse",
      errors: [404],
      accepted: true,
    },
  },
  deleteProjectKey: {
    method: "DELETE",
    path: "/apiops/projects/:projectName/keys/:keyName/",
    params: ProjectKeyPathParams,
    query: ProjectKeyDeleteQuery,
    access: "project-secrets",
    deletes: {
      action: "delete-project-key",
      targetType: "project-key",
      targetParams: ["projectName", "keyName"],
    },
    bff: "default",
    trailingSlashOptional: true,
    doc: {
      operationId: "deleteProjectKey",
      tag: "deletions",
      summary: "Endpoint 4: delete a project key, undeploy it everywhere, nullify or delete its JWKs",
      description:
        `${DELETION_NOTE} A Bearer token alone (the admin key is not needed) whose \`permissions\` hold ` +
        "SECRETS:MANAGE, and SECRETS:DEPLOY_UNDEPLOY when the key is deployed, for this project: a bare " +
        "`SECRETS:MANAGE` holds in every project, `SECRETS:MANAGE@<projectName>` in that one only. 403 otherwise, " +
        "decided before the key is looked up.",
      response: "ProjectKeyDeletionResponse",
      errors: [404],
      accepted: true,
    },
  },
  deleteOrganizationKeys: {
    method: "DELETE",
    path: "/organization/:idOrg/key",
    params: OrgPathParams,
    query: OrgKeysDeleteQuery,
    access: "org-admin",
    ownErrorShape: true,
    deletes: { action: "delete-org-keys", targetType: "organization", targetParams: ["idOrg"] },
    bff: "default",
    doc: {
      operationId: "deleteOrganizationKeys",
      tag: "deletions",
      summary: "Endpoint 5: delete every key of an organization and its node links; publishes a system event",
      description:
        `${DELETION_NOTE} A Bearer token of an OWNER or ADMINISTRATOR of this organization alone (no admin ` +
        "key needed), or staff with the admin key for any organization; anyone else gets the published 403. " +
        "Errors use the endpoint's own shape `{success: false, message}`.",
      response: "OrgKeyDeletionResponse",
      errors: [404],
      accepted: true,
    },
  },
  listJobs: {
    method: "GET",
    path: "/admin/jobs",
    query: JobListQuery,
    access: "staff",
    bff: "default",
    doc: {
      operationId: "listJobs",
      tag: "jobs",
      summary: "Deletion jobs, newest first, by status and target, with cursor paging",
      response: "JobListResponse",
    },
  },
  getJob: {
    method: "GET",
    path: "/admin/jobs/:jobId",
    params: JobIdPathParams,
    access: "staff",
    bff: "default",
    doc: {
      operationId: "getJob",
      tag: "jobs",
      summary: "One deletion job: its steps and progress, its result once it ended",
      response: "Job",
      errors: [404],
    },
  },
  listArchives: {
    method: "GET",
    path: "/admin/archives",
    query: ArchiveListQuery,
    access: "staff",
    bff: "default",
    doc: {
      operationId: "listArchives",
      tag: "jobs",
      summary: "Every archive written before a deletion (all objects under archives/), newest first",
      response: "ArchiveListResponse",
    },
  },
  restoreArchive: {
    method: "POST",
    path: "/admin/archives/:archiveId/restore",
    params: ArchiveIdPathParams,
    query: RestoreQuery,
    access: "staff",
    deletes: { action: "restore-lock", targetType: "archive", targetParams: ["archiveId"] },
    bff: "default",
    doc: {
      operationId: "restoreArchive",
      tag: "jobs",
      summary: "Put a deleted lock or hub back from its archive: events, D1 rows, key assignments",
      description:
        "The same job, dry run, `planToken`, strict `If-Match`, `Idempotency-Key` and audit rules as a deletion " +
        "(actions `restore-lock`, `restore-hub`). The archive is read and checked (event count, last sequence, " +
        "SHA-256) before anything is written: a damaged archive is a 422 and restores nothing. 409 when the " +
        "target exists again, when the archive was restored already, or while another job holds the target; " +
        "404 for an unknown archive. Archives of project keys and organization keys do not exist (permanent).",
      response: "RestoreResponse",
      errors: [404],
      accepted: true,
    },
  },
  cancelJob: {
    method: "POST",
    path: "/admin/jobs/:jobId/cancel",
    params: JobIdPathParams,
    query: JobActionQuery,
    access: "staff",
    deletes: { action: "cancel-job", targetType: "job", targetParams: ["jobId"] },
    bff: "default",
    doc: {
      operationId: "cancelJob",
      tag: "jobs",
      summary: "Cancel a scheduled (or awaiting-approval) job before it runs",
      description: `${JOB_ACT_NOTE} 409 once the job runs or ended.`,
      response: "Job",
      errors: [404],
    },
  },
  approveJob: {
    method: "POST",
    path: "/admin/jobs/:jobId/approve",
    params: JobIdPathParams,
    query: JobActionQuery,
    access: "staff",
    deletes: { action: "approve-job", targetType: "job", targetParams: ["jobId"] },
    bff: "default",
    doc: {
      operationId: "approveJob",
      tag: "jobs",
      summary: "Approve a job that waits for a second staff member; it then runs",
      description:
        `${JOB_ACT_NOTE} Requires \`If-Match: "<planToken>"\` of the plan the approver read: 412 when it is not the ` +
        "job's, or when the target changed since the request (the plan is made again). The requester gets 403; a " +
        "job already decided, or expired (APPROVAL_TTL), 409.",
      response: "Job",
      errors: [403, 404],
    },
  },
  rejectJob: {
    method: "POST",
    path: "/admin/jobs/:jobId/reject",
    params: JobIdPathParams,
    query: JobActionQuery,
    access: "staff",
    deletes: { action: "reject-job", targetType: "job", targetParams: ["jobId"] },
    bff: "default",
    doc: {
      operationId: "rejectJob",
      tag: "jobs",
      summary: "Reject a job that waits for a second staff member; it ends and nothing is deleted",
      description: `${JOB_ACT_NOTE} 409 once it was decided or expired.`,
      response: "Job",
      errors: [404],
    },
  },
  listAudit: {
    method: "GET",
    path: "/admin/audit",
    query: AuditListQuery,
    access: "staff",
    bff: "default",
    doc: {
      operationId: "listAudit",
      tag: "audit",
      summary: "Audit records, newest first, with filters and cursor paging",
      response: "AuditListResponse",
    },
  },
  verifyAudit: {
    method: "GET",
    path: "/admin/audit/verify",
    query: AuditVerifyQuery,
    access: "staff",
    bff: "default",
    doc: {
      operationId: "verifyAudit",
      tag: "audit",
      summary: "Recompute the hash chain (all of it, or a stretch after afterSeq) and check the index",
      response: "AuditVerifyResponse",
    },
  },
  getAuditRecord: {
    method: "GET",
    path: "/admin/audit/:id",
    params: AuditIdPathParams,
    access: "staff",
    bff: "default",
    doc: {
      operationId: "getAuditRecord",
      tag: "audit",
      summary: "One full audit record",
      response: "AuditRecord",
      errors: [404],
    },
  },
  listSystemEvents: {
    method: "GET",
    path: "/admin/system-events",
    query: SystemEventListQuery,
    access: "staff",
    doc: {
      operationId: "listSystemEvents",
      tag: "audit",
      summary: "System events recorded by the queue consumer, newest first",
      response: "SystemEventListResponse",
    },
  },
} as const satisfies Record<string, EndpointDef>;

export type EndpointName = keyof typeof ENDPOINTS;

/** Every endpoint with its name, in table order. */
export const ENDPOINT_LIST = Object.entries(ENDPOINTS).map(([name, def]) => ({
  name: name as EndpointName,
  ...(def as EndpointDef),
}));

/** The names of an endpoint path's parameters: `"/a/:x/b/:y/"` → `"x" | "y"`. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type PathArgs<N extends EndpointName> = [ParamNames<(typeof ENDPOINTS)[N]["path"]>] extends [never]
  ? []
  : [params: Record<ParamNames<(typeof ENDPOINTS)[N]["path"]>, string | number>];

/**
 * The path of an endpoint with its parameters filled in (percent-encoded), as published.
 *
 * @example
 * endpointPath("deleteLock", { lockId: 1001 }) // "/admin/cleanup/locks/1001"
 * endpointPath("getProjectKey", { projectName: "billing", keyName: "k1" }) // "/apiops/projects/billing/keys/k1/"
 */
export function endpointPath<N extends EndpointName>(name: N, ...[params]: PathArgs<N>): string {
  const values = (params ?? {}) as Record<string, string | number>;
  return ENDPOINTS[name].path.replace(/:([A-Za-z0-9_]+)/g, (_m, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`endpointPath(${name}): missing ${key}`);
    return encodeURIComponent(String(value));
  });
}
