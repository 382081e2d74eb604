import {
  type Access,
  AuditReasonHeader,
  ENDPOINT_LIST,
  type EndpointDef,
  HEADERS,
  IdempotencyKeyHeader,
  IfMatchHeader,
} from "@cleanup/shared";
import { z } from "zod";
import { componentSchemas, ERROR_COMPONENTS } from "./components.ts";

/** One operation of the document: an endpoint of the table at one of its paths. */
type RouteDoc = EndpointDef & { operationId: string; summary: string; description?: string };

type JsonObject = Record<string, unknown>;

const DESCRIPTION = `The Cleanup Console admin API: previewed, audited deletion of platform data.

This document is public (\`GET /openapi.json\` needs no credentials): it describes the API and holds
no data or secrets. Admin routes need \`Authorization: Bearer <JWT>\` and the admin key in
\`X-Admin-API-Key\` (or its alias \`X-API-Key\`). Every response carries \`X-Request-Id\`.`;

const SECURITY_SCHEMES = {
  bearerJwt: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
  adminApiKey: { type: "apiKey", in: "header", name: HEADERS.adminKey },
  adminApiKeyAlias: { type: "apiKey", in: "header", name: HEADERS.adminKeyAlias },
};
/** Both the JWT and the admin key, under either header name. */
const ADMIN_SECURITY = [
  { bearerJwt: [], adminApiKey: [] },
  { bearerJwt: [], adminApiKeyAlias: [] },
];

const inputSchema = (schema: z.ZodType): JsonObject => {
  const { $schema: _schema, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return json;
};

/** Header parameters of every deletion, from the same schemas `deletionHeaders()` validates with. */
const DELETION_HEADERS: Record<string, JsonObject> = {
  IfMatch: {
    name: HEADERS.ifMatch,
    in: "header",
    description: 'The planToken of the dry run to apply: `"<planToken>"`. 412 when the target changed.',
    schema: inputSchema(IfMatchHeader),
  },
  IdempotencyKey: {
    name: HEADERS.idempotencyKey,
    in: "header",
    description:
      "Names the deletion's job: a repeat gets its stored result (`Idempotent-Replayed: true`) or, while it runs, its status; 422 for a different request.",
    schema: inputSchema(IdempotencyKeyHeader),
  },
  AuditReason: {
    name: HEADERS.auditReason,
    in: "header",
    description: "Why (a ticket reference); recorded in the audit record.",
    schema: inputSchema(AuditReasonHeader),
  },
};

const PARAM_NOTES: Record<string, string> = {
  lockId: "A numeric lock id or a lock UUID",
  hubId: "A hub UUID",
  dryRun: "`true`: perform nothing, return the plan and its planToken (default `false`)",
  cascadeDeleteKeys: "Also delete the lock's key assignments (default `true`)",
};

function parameters(schema: z.ZodObject | undefined, where: "path" | "query"): JsonObject[] {
  if (!schema) return [];
  const json = inputSchema(schema) as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    ...(PARAM_NOTES[name] ? { description: PARAM_NOTES[name] } : {}),
    schema: property,
  }));
}

const REQUEST_ID_HEADER = { [HEADERS.requestId]: { $ref: "#/components/headers/RequestId" } };
const jsonResponse = (description: string, component: string) => ({
  description,
  headers: REQUEST_ID_HEADER,
  content: { "application/json": { schema: { $ref: `#/components/schemas/${component}` } } },
});

function errorStatuses(route: RouteDoc): number[] {
  const statuses = new Set<number>([...(route.doc.errors ?? []), 500]);
  if (route.params || route.query || route.body || route.optionalBody) statuses.add(400);
  const byAccess: Record<Access, number[]> = {
    public: [],
    staff: [401, 403],
    "published-caller": [401, 403],
  };
  for (const s of byAccess[route.access]) statuses.add(s);
  if (route.devOnly === "forbidden") statuses.add(403);
  if (route.devOnly === "hidden") statuses.add(404);
  if (route.deletes) for (const s of [400, 409, 412, 422]) statuses.add(s);
  return [...statuses].sort((a, b) => a - b);
}

const ACCEPTED = {
  description: "The job outlived the synchronous wait, or `Prefer: respond-async` was sent: poll `statusUrl`",
  headers: {
    ...REQUEST_ID_HEADER,
    Location: { description: "The job's statusUrl", schema: { type: "string" } },
    "Retry-After": { description: "Seconds to wait before polling", schema: { type: "string" } },
  },
  content: { "application/json": { schema: { $ref: "#/components/schemas/JobAccepted" } } },
};

function operation(route: RouteDoc): JsonObject {
  const orgShape = route.ownErrorShape === true;
  const responses: JsonObject = { "200": jsonResponse("OK", route.doc.response) };
  if (route.doc.accepted) responses["202"] = ACCEPTED;
  for (const status of errorStatuses(route)) {
    const component = orgShape ? "OrgKeyErrorBody" : ERROR_COMPONENTS[status]!;
    responses[String(status)] = jsonResponse(`Error ${status}`, component);
  }
  const devNote = route.devOnly ? " Dev environment only." : "";
  return {
    operationId: route.operationId,
    tags: [route.doc.tag],
    summary: route.summary,
    ...(route.description || devNote ? { description: `${route.description ?? ""}${devNote}`.trim() } : {}),
    security: route.access === "public" ? [] : ADMIN_SECURITY,
    parameters: [
      ...parameters(route.params, "path"),
      ...parameters(route.query, "query"),
      ...(route.deletes
        ? Object.keys(DELETION_HEADERS).map((id) => ({ $ref: `#/components/parameters/${id}` }))
        : []),
    ],
    ...(route.body || route.optionalBody
      ? {
          requestBody: {
            required: route.body !== undefined,
            content: { "application/json": { schema: inputSchema((route.body ?? route.optionalBody)!) } },
          },
        }
      : {}),
    responses,
  };
}

/** The same operation at the path without its trailing slash. */
const withoutTrailingSlash = (route: RouteDoc): RouteDoc => ({
  ...route,
  path: route.path.replace(/\/$/, ""),
  operationId: `${route.operationId}WithoutSlash`,
  summary: `Same as ${route.operationId}, without the published trailing slash`,
  description: undefined,
});

/** `/admin/locks/:lockId` → `/admin/locks/{lockId}`. */
export const openApiPath = (honoPath: string) => honoPath.replace(/:([A-Za-z0-9_]+)/g, "{$1}");

let built: JsonObject | null = null;

/** The OpenAPI 3.1 document of the whole api, built once from the route table and the zod schemas. */
export function openApiDocument(): JsonObject {
  if (built) return built;
  const paths: Record<string, JsonObject> = {};
  const add = (route: RouteDoc) => {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  };
  for (const { name: _name, ...endpoint } of ENDPOINT_LIST) {
    const route: RouteDoc = { ...endpoint, ...endpoint.doc, method: endpoint.method };
    add(route);
    if (route.trailingSlashOptional) add(withoutTrailingSlash(route));
  }
  built = {
    openapi: "3.1.1",
    info: { title: "Cleanup Console admin API", version: "1.0.0", description: DESCRIPTION },
    tags: ["service", "reads", "deletions", "jobs", "audit", "dev"].map((name) => ({ name })),
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: SECURITY_SCHEMES,
      parameters: DELETION_HEADERS,
      headers: { RequestId: { description: "The request's id", schema: { type: "string" } } },
    },
  };
  return built;
}
