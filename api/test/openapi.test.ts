import { describe, expect, it } from "vitest";
import { app } from "../src/app.ts";
import { OpenApiDocument } from "../src/openapi/components.ts";
import { openApiDocument, openApiPath } from "../src/openapi/document.ts";
import { call } from "./helpers.ts";

type Operation = {
  operationId: string;
  parameters: { name?: string; in?: string; $ref?: string }[];
  responses: Record<string, unknown>;
};
const doc = OpenApiDocument.parse(openApiDocument());
const METHODS = ["get", "post", "put", "patch", "delete", "head", "options"];

/**
 * "METHOD /path" of every route handler the Hono app registers (middleware is method ALL; a
 * deletion's `…/*` catch-all of malformed paths is a refusal, not a route).
 */
const registered = [
  ...new Set(
    app.routes
      .filter((r) => r.method !== "ALL" && !r.path.endsWith("*"))
      .map((r) => `${r.method} ${openApiPath(r.path)}`),
  ),
].sort();
const documented = Object.entries(doc.paths)
  .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
  .sort();
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, op]) => ({ path, method, op: op as Operation })),
);

/** Every `$ref` in the document, wherever it is. */
function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [v] : refs(v)));
}

describe("GET /openapi.json", () => {
  it("is served without credentials and is the built document", async () => {
    const res = await call("/openapi.json");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it("documents every route the app registers, and nothing it does not", () => {
    expect(registered.length).toBeGreaterThan(20);
    expect(documented).toEqual(registered);
  });

  it("has the shape of an OpenAPI 3.1 document", () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, op } of operations) {
      expect(
        Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)),
        path,
      ).toBe(true);
      const declared = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(declared.sort(), path).toEqual(templated.sort());
    }
    for (const ref of new Set(refs(doc))) {
      const [, section, name] = ref.match(/^#\/components\/(\w+)\/(.+)$/) ?? [];
      const components = doc.components as Record<string, Record<string, unknown>>;
      expect(components[section ?? ""]?.[name ?? ""], ref).toBeDefined();
    }
  });

  it("names the security schemes and the published error shapes", () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      "adminApiKey",
      "adminApiKeyAlias",
      "bearerJwt",
    ]);
    const del = doc.paths["/admin/cleanup/locks/{lockId}"]!.delete as Operation;
    expect(Object.keys(del.responses)).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "412", "500"]),
    );
    expect(del.parameters.map((p) => p.name ?? p.$ref)).toEqual(
      expect.arrayContaining([
        "lockId",
        "mode",
        "cascadeDeleteKeys",
        "dryRun",
        "#/components/parameters/IfMatch",
      ]),
    );
    const org = doc.paths["/organization/{idOrg}/key"]!.delete as Operation;
    expect(org.responses["403"]).toMatchObject({
      content: { "application/json": { schema: { $ref: "#/components/schemas/OrgKeyErrorBody" } } },
    });
  });

  it("documents endpoints 4 and 5 as callable with a Bearer token alone, the admin routes with both", () => {
    type Secured = { security: Record<string, string[]>[] };
    const bearerAlone = { bearerJwt: [] };
    for (const path of ["/organization/{idOrg}/key", "/apiops/projects/{projectName}/keys/{keyName}/"]) {
      expect((doc.paths[path]!.delete as Secured).security, path).toContainEqual(bearerAlone);
    }
    expect(
      (doc.paths["/apiops/projects/{projectName}/keys/{keyName}/"]!.get as Secured).security,
    ).not.toContainEqual(bearerAlone);
    expect((doc.paths["/admin/cleanup/locks/{lockId}"]!.delete as Secured).security).not.toContainEqual(
      bearerAlone,
    );
  });

  it("documents the strict If-Match, the optional delete-all body and the deletion answers' headers", () => {
    const components = doc.components as unknown as {
      parameters: Record<string, { schema: { pattern: string } }>;
    };
    const pattern = new RegExp(components.parameters.IfMatch!.schema.pattern);
    expect(pattern.test('"0b4af15d430c1f3c1ceb112ca1936ef9"')).toBe(true);
    for (const bad of ["", "*", 'W/"abc"', "abc", '"a", "b"']) expect(pattern.test(bad), bad).toBe(false);
    const deleteAll = doc.paths["/admin/cleanup/delete-all"]!.post as { requestBody: { required: boolean } };
    expect(deleteAll.requestBody.required).toBe(false);
    const lock = doc.paths["/admin/cleanup/locks/{lockId}"]!.delete as {
      responses: Record<string, { headers: Record<string, unknown> }>;
    };
    expect(Object.keys(lock.responses["200"]!.headers)).toContain("Idempotent-Replayed");
    expect(Object.keys(lock.responses["409"]!.headers)).toContain("Retry-After");
  });
});
