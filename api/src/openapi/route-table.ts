import {
  AuditIdPathParams,
  AuditListQuery,
  AuditVerifyQuery,
  DeleteAllBody,
  DryRunOnlyQuery,
  HubDeleteQuery,
  HubPathParams,
  LockDeleteQuery,
  LockPathParams,
  LoginRequest,
  OrgPathParams,
  ProjectKeyDeleteQuery,
  ProjectKeyPathParams,
  SearchQuery,
  SystemEventListQuery,
} from "@cleanup/shared";
import type { z } from "zod";
import type { ComponentName } from "./components.ts";

/**
 * Who may call a route (DESIGN 3.1). `staff`: admin key + a staff JWT; `org-admin` (endpoint 5): a
 * JWT of an OWNER / ADMINISTRATOR of the organization alone, or staff with the admin key;
 * `project-secrets` (endpoint 4): a JWT whose `permissions` hold the SECRETS permissions for the
 * project, with or without the admin key; `public`: nothing. Where the key is not needed, a wrong
 * one sent is still a 401.
 */
export type Access = "public" | "staff" | "org-admin" | "project-secrets";

export type RouteDoc = {
  method: "get" | "post" | "delete";
  /** Hono's form (`/admin/locks/:lockId`); the document writes `{lockId}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  /** Dev environment only: 403 elsewhere, or 404 when `hidden`. */
  devOnly?: "forbidden" | "hidden";
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body may be left out (default: required when `body` is given). */
  bodyOptional?: boolean;
  ok: ComponentName;
  /** The published path ends with "/"; the same route also answers without it. */
  trailingSlashOptional?: boolean;
  /** A deletion: takes If-Match, Idempotency-Key and X-Audit-Reason and is audited. */
  destructive?: boolean;
  /** Error statuses beyond those every route of its access level can answer. */
  errors?: number[];
};

const DELETION_NOTE =
  "`dryRun=true` performs nothing and returns the plan and its `planToken`; send that token as " +
  '`If-Match: "<planToken>"` to apply exactly what was previewed (412 with `changes` otherwise).';

/** Every route the api registers; test/openapi.test.ts fails when the app and this table differ. */
export const ROUTES: RouteDoc[] = [
  {
    method: "get",
    path: "/health",
    operationId: "getHealth",
    tag: "service",
    summary: "Liveness and the environment this deployment is",
    access: "public",
    ok: "HealthResponse",
  },
  {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "service",
    summary: "This document",
    description: "Public: a description of the API, with no data or secrets in it.",
    access: "public",
    ok: "OpenApiDocument",
  },
  {
    method: "post",
    path: "/auth/dev/token",
    operationId: "issueDevToken",
    tag: "dev",
    summary: "A token from the dev identity issuer for a seeded account",
    access: "public",
    devOnly: "hidden",
    body: LoginRequest,
    ok: "DevTokenResponse",
    errors: [400, 401],
  },
  {
    method: "get",
    path: "/.well-known/jwks.json",
    operationId: "getDevJwks",
    tag: "dev",
    summary: "The dev issuer's public keys",
    access: "public",
    devOnly: "hidden",
    ok: "JwksResponse",
  },
  {
    method: "post",
    path: "/admin/dev/seed",
    operationId: "seedDemoData",
    tag: "dev",
    summary: "Fill an empty environment with the deterministic demo data set",
    access: "staff",
    devOnly: "forbidden",
    ok: "DevSeedResponse",
  },
  {
    method: "post",
    path: "/admin/dev/locks/:lockId/activity",
    operationId: "simulateLockActivity",
    tag: "dev",
    summary: "Append one simulated device event to a lock",
    access: "staff",
    devOnly: "forbidden",
    params: LockPathParams,
    ok: "DevActivityResponse",
    errors: [404],
  },
  {
    method: "post",
    path: "/admin/dev/hubs/:hubId/activity",
    operationId: "simulateHubActivity",
    tag: "dev",
    summary: "Append one simulated device event to a hub",
    access: "staff",
    devOnly: "forbidden",
    params: HubPathParams,
    ok: "DevActivityResponse",
    errors: [404],
  },
  {
    method: "get",
    path: "/admin/environment",
    operationId: "getEnvironment",
    tag: "reads",
    summary: "This deployment's name and how much data it holds",
    access: "staff",
    ok: "EnvironmentInfo",
  },
  {
    method: "get",
    path: "/admin/search",
    operationId: "searchTargets",
    tag: "reads",
    summary: "Deletable targets by id, UUID or name; an empty q lists",
    access: "staff",
    query: SearchQuery,
    ok: "SearchResponse",
  },
  {
    method: "get",
    path: "/admin/locks/:lockId",
    operationId: "getLock",
    tag: "reads",
    summary: "A lock (numeric id or UUID) with its state replayed from its events",
    access: "staff",
    params: LockPathParams,
    ok: "LockDetail",
    errors: [404],
  },
  {
    method: "get",
    path: "/admin/hubs/:hubId",
    operationId: "getHub",
    tag: "reads",
    summary: "A hub with its state replayed from its events",
    access: "staff",
    params: HubPathParams,
    ok: "HubDetail",
    errors: [404],
  },
  {
    method: "get",
    path: "/admin/organizations/:idOrg",
    operationId: "getOrganization",
    tag: "reads",
    summary: "An organization with its members, keys and nodes",
    access: "staff",
    params: OrgPathParams,
    ok: "OrganizationDetail",
    errors: [404],
  },
  {
    method: "get",
    path: "/apiops/projects/:projectName/keys/:keyName/",
    operationId: "getProjectKey",
    trailingSlashOptional: true,
    tag: "reads",
    summary: "A project's secret key with its JWKs and deployments",
    access: "staff",
    params: ProjectKeyPathParams,
    ok: "ProjectKeyDetail",
    errors: [404],
  },
  {
    method: "post",
    path: "/admin/cleanup/delete-all",
    operationId: "deleteAll",
    tag: "deletions",
    summary: "Endpoint 1: empty the environment (dev only); API keys and the audit log stay",
    description: `${DELETION_NOTE} A body may be left out; one that is sent must be a JSON object with no fields (a 400 on \`body\` otherwise, nothing deleted).`,
    access: "staff",
    devOnly: "forbidden",
    query: DryRunOnlyQuery,
    body: DeleteAllBody,
    bodyOptional: true,
    ok: "DeleteAllResponse",
    destructive: true,
  },
  {
    method: "delete",
    path: "/admin/cleanup/hubs/:hubId",
    operationId: "deleteHub",
    tag: "deletions",
    summary: "Endpoint 2: delete a hub's DO state, or its DO state and events (archived first)",
    description: DELETION_NOTE,
    access: "staff",
    params: HubPathParams,
    query: HubDeleteQuery,
    ok: "HubDeletionResponse",
    destructive: true,
    errors: [404],
  },
  {
    method: "delete",
    path: "/admin/cleanup/locks/:lockId",
    operationId: "deleteLock",
    tag: "deletions",
    summary: "Endpoint 3: delete a lock's DO state, or its DO state, events (archived first) and D1 rows",
    description: `${DELETION_NOTE} \`cascadeDeleteKeys\` defaults to \`true\`.`,
    access: "staff",
    params: LockPathParams,
    query: LockDeleteQuery,
    ok: "LockDeletionResponse",
    destructive: true,
    errors: [404],
  },
  {
    method: "delete",
    path: "/apiops/projects/:projectName/keys/:keyName/",
    operationId: "deleteProjectKey",
    trailingSlashOptional: true,
    tag: "deletions",
    summary: "Endpoint 4: delete a project key, undeploy it everywhere, nullify or delete its JWKs",
    description:
      `${DELETION_NOTE} A Bearer token alone (the admin key is not needed) whose \`permissions\` hold ` +
      "SECRETS:MANAGE, and SECRETS:DEPLOY_UNDEPLOY when the key is deployed, for this project: a bare " +
      "`SECRETS:MANAGE` holds in every project, `SECRETS:MANAGE@<projectName>` in that one only. 403 otherwise, " +
      "decided before the key is looked up.",
    access: "project-secrets",
    params: ProjectKeyPathParams,
    query: ProjectKeyDeleteQuery,
    ok: "ProjectKeyDeletionResponse",
    destructive: true,
    errors: [404],
  },
  {
    method: "delete",
    path: "/organization/:idOrg/key",
    operationId: "deleteOrganizationKeys",
    tag: "deletions",
    summary: "Endpoint 5: delete every key of an organization and its node links; publishes a system event",
    description:
      `${DELETION_NOTE} A Bearer token of an OWNER or ADMINISTRATOR of this organization alone (no admin ` +
      "key needed), or staff with the admin key for any organization; anyone else gets the published 403. " +
      "Errors use the endpoint's own shape `{success: false, message}`.",
    access: "org-admin",
    params: OrgPathParams,
    query: DryRunOnlyQuery,
    ok: "OrgKeyDeletionResponse",
    destructive: true,
    errors: [404],
  },
  {
    method: "get",
    path: "/admin/audit",
    operationId: "listAudit",
    tag: "audit",
    summary: "Audit records, newest first, with filters and cursor paging",
    access: "staff",
    query: AuditListQuery,
    ok: "AuditListResponse",
  },
  {
    method: "get",
    path: "/admin/audit/verify",
    operationId: "verifyAudit",
    tag: "audit",
    summary: "Recompute the hash chain (all of it, or a stretch after afterSeq) and check the index",
    access: "staff",
    query: AuditVerifyQuery,
    ok: "AuditVerifyResponse",
  },
  {
    method: "get",
    path: "/admin/audit/:id",
    operationId: "getAuditRecord",
    tag: "audit",
    summary: "One full audit record",
    access: "staff",
    params: AuditIdPathParams,
    ok: "AuditRecord",
    errors: [404],
  },
  {
    method: "get",
    path: "/admin/system-events",
    operationId: "listSystemEvents",
    tag: "audit",
    summary: "System events recorded by the queue consumer, newest first",
    access: "staff",
    query: SystemEventListQuery,
    ok: "SystemEventListResponse",
  },
];
