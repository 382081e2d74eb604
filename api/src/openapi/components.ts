import {
  ArchiveListResponse,
  AuditListResponse,
  AuditRecord,
  AuditVerifyResponse,
  BadRequestBody,
  ConflictBody,
  DeleteAllResponse,
  DevActivityResponse,
  DevJobPaceResponse,
  DevSeedResponse,
  DevTokenResponse,
  EnvironmentInfo,
  ForbiddenBody,
  HealthResponse,
  HubDeletionResponse,
  HubDetail,
  InternalErrorBody,
  Job,
  JobAccepted,
  JobListResponse,
  JwksResponse,
  LockDeletionResponse,
  LockDetail,
  NotFoundBody,
  OrganizationDetail,
  OrgKeyDeletionResponse,
  OrgKeyErrorBody,
  Plan,
  PreconditionFailedBody,
  ProjectKeyDeletionResponse,
  ProjectKeyDetail,
  RestoreResponse,
  SearchResponse,
  ServiceUnavailableBody,
  SystemEventListResponse,
  TooManyRequestsBody,
  UnauthorizedBody,
  UnprocessableBody,
} from "@cleanup/shared";
import { z } from "zod";

/** The shape of an OpenAPI 3.1 document, as far as this api's document and its test rely on it. */
export const OpenApiDocument = z.looseObject({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: z.object({ title: z.string(), version: z.string(), description: z.string().optional() }),
  paths: z.record(z.string().startsWith("/"), z.record(z.string(), z.unknown())),
  components: z.looseObject({
    schemas: z.record(z.string(), z.unknown()),
    securitySchemes: z.record(z.string(), z.unknown()),
  }),
});

/** The schemas the document names under `components/schemas`; routes and errors refer to them. */
export const COMPONENTS = {
  HealthResponse,
  OpenApiDocument,
  DevTokenResponse,
  JwksResponse,
  DevSeedResponse,
  DevActivityResponse,
  DevJobPaceResponse,
  EnvironmentInfo,
  SearchResponse,
  LockDetail,
  HubDetail,
  OrganizationDetail,
  ProjectKeyDetail,
  Plan,
  DeleteAllResponse,
  HubDeletionResponse,
  LockDeletionResponse,
  ProjectKeyDeletionResponse,
  OrgKeyDeletionResponse,
  RestoreResponse,
  JobAccepted,
  Job,
  JobListResponse,
  ArchiveListResponse,
  AuditListResponse,
  AuditVerifyResponse,
  AuditRecord,
  SystemEventListResponse,
  BadRequestBody,
  UnauthorizedBody,
  ForbiddenBody,
  NotFoundBody,
  ConflictBody,
  PreconditionFailedBody,
  UnprocessableBody,
  TooManyRequestsBody,
  ServiceUnavailableBody,
  InternalErrorBody,
  OrgKeyErrorBody,
} satisfies Record<string, z.ZodType>;
export type ComponentName = keyof typeof COMPONENTS;

/** The published error body of each status (endpoint 5 uses `OrgKeyErrorBody` for all of them). */
export const ERROR_COMPONENTS: Record<number, ComponentName> = {
  400: "BadRequestBody",
  401: "UnauthorizedBody",
  403: "ForbiddenBody",
  404: "NotFoundBody",
  409: "ConflictBody",
  412: "PreconditionFailedBody",
  422: "UnprocessableBody",
  429: "TooManyRequestsBody",
  500: "InternalErrorBody",
  503: "ServiceUnavailableBody",
};

const ref = (id: string) => `#/components/schemas/${id}`;

/**
 * JSON Schemas (draft 2020-12, which OpenAPI 3.1 uses) of every component, generated from the zod
 * schemas; a component used inside another is a `$ref`. Response objects stay open to extra fields.
 */
export function componentSchemas(): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    uri: ref,
    unrepresentable: "any",
    override: ({ jsonSchema }) => {
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $id: _id, $schema: _schema, ...schema }]) => [id, schema]),
  );
}
