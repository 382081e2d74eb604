import { env } from "cloudflare:workers";
import { ProjectKeyDeletionResponse, ProjectKeyDetail } from "@cleanup/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteProjectKey, type ProjectKeyRow } from "../src/domain/project-keys.ts";
import { ADMIN_KEY, call, devSignedToken, json, seed, staffCall } from "./helpers.ts";

type KeyRow = { project_name: string; name: string; jwks: number; deployments: number };
let keys: KeyRow[];
beforeAll(async () => {
  await seed();
  const { results } = await env.DB.prepare(
    `SELECT k.project_name, k.name,
       (SELECT COUNT(*) FROM jwks j WHERE j.project_name = k.project_name AND j.source_key_name = k.name) AS jwks,
       (SELECT COUNT(*) FROM deployments d WHERE d.project_name = k.project_name AND d.key_name = k.name) AS deployments
     FROM project_keys k ORDER BY jwks DESC, deployments DESC, k.name`,
  ).all<KeyRow>();
  keys = results;
});

const path = (k: KeyRow) => `/apiops/projects/${k.project_name}/keys/${k.name}/`;
const remove = (k: KeyRow, query: string, headers: Record<string, string> = {}) =>
  staffCall(`${path(k)}?${query}`, { method: "DELETE", headers });

describe("GET /apiops/projects/{projectName}/keys/{keyName}/", () => {
  it("shows the key with its JWKs and deployments, with or without the trailing slash", async () => {
    const key = keys[0]!;
    const detail = ProjectKeyDetail.parse(await json(await staffCall(path(key))));
    expect(detail).toMatchObject({ projectName: key.project_name, keyName: key.name, jwkCount: key.jwks });
    expect(detail.deployments).toHaveLength(key.deployments);
    expect(await json(await staffCall(path(key).slice(0, -1)))).toEqual(detail);
    expect((await staffCall(`/apiops/projects/${key.project_name}/keys/nope/`)).status).toBe(404);
    const bad = await staffCall(`/apiops/projects/${key.project_name}/keys/${encodeURIComponent("a/b")}/`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ details: [{ field: "keyName" }] });
  });
});

describe("DELETE /apiops/projects/{projectName}/keys/{keyName}/", () => {
  it("needs SECRETS:MANAGE, and SECRETS:DEPLOY_UNDEPLOY for a deployed key", async () => {
    const key = keys.find((k) => k.deployments > 0)!;
    for (const permissions of [[], ["SECRETS:DEPLOY_UNDEPLOY"], ["SECRETS:MANAGE"]]) {
      const token = await devSignedToken({ email: "ops@smartphonekey.com", permissions });
      const res = await call(`${path(key)}?dryRun=true`, {
        method: "DELETE",
        headers: { Authorization: `Bearer ${token}`, "X-API-Key": ADMIN_KEY },
      });
      expect(res.status, permissions.join()).toBe(403);
    }
  });

  it("rejects an unknown jwkDeleteAction naming it", async () => {
    const res = await remove(keys[0]!, "jwkDeleteAction=nullify");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ details: [{ field: "jwkDeleteAction" }] });
  });

  it("previews NULLIFY (the default) and DELETE differently", async () => {
    const key = keys[0]!;
    const nullify = ProjectKeyDeletionResponse.parse(await json(await remove(key, "dryRun=true")));
    expect(nullify.plan!.warnings.map((w) => w.code)).toContain("JWKS_NULLIFIED");
    expect(nullify.plan!.keep).toContainEqual(expect.objectContaining({ kind: "jwk", count: key.jwks }));
    const del = ProjectKeyDeletionResponse.parse(
      await json(await remove(key, "jwkDeleteAction=DELETE&dryRun=true")),
    );
    expect(del.plan!.warnings.map((w) => w.code)).toContain("JWKS_DELETED");
    expect(del.plan!.counts).toMatchObject({ jwks: key.jwks, environments: key.deployments });
    expect(del.planToken).not.toBe(nullify.planToken);
  });

  it("NULLIFY undeploys everywhere, deletes the key and clears the JWKs' reference", async () => {
    const key = keys[0]!;
    const before = ProjectKeyDetail.parse(await json(await staffCall(path(key))));
    const res = await remove(key, "");
    expect(res.status).toBe(200);
    const body = ProjectKeyDeletionResponse.parse(await res.json());
    expect(body.success).toBe(true);
    expect(body.jwkResult).toEqual({ action: "NULLIFY", count: key.jwks });
    expect(body.deploymentResult.environmentResults).toHaveLength(key.deployments);
    expect(body.deploymentResult.environmentResults.every((r) => r.success)).toBe(true);
    expect((await staffCall(path(key))).status).toBe(404);
    const { results } = await env.DB.prepare("SELECT kid, source_key_name FROM jwks WHERE project_name = ?1")
      .bind(key.project_name)
      .all<{ kid: string; source_key_name: string | null }>();
    const kept = results.filter((j) => before.jwks.some((b) => b.kid === j.kid));
    expect(kept).toHaveLength(key.jwks);
    expect(kept.every((j) => j.source_key_name === null)).toBe(true);
  });

  it("DELETE removes the JWKs created from the key", async () => {
    const key = keys[1]!;
    const before = ProjectKeyDetail.parse(await json(await staffCall(path(key))));
    expect(before.jwkCount).toBeGreaterThan(0);
    const res = await remove(key, "jwkDeleteAction=DELETE");
    expect(res.status).toBe(200);
    expect(ProjectKeyDeletionResponse.parse(await res.json()).jwkResult).toEqual({
      action: "DELETE",
      count: before.jwkCount,
    });
    const { results } = await env.DB.prepare("SELECT kid FROM jwks WHERE project_name = ?1")
      .bind(key.project_name)
      .all<{ kid: string }>();
    expect(results.filter((j) => before.jwks.some((b) => b.kid === j.kid))).toEqual([]);
  });
});

describe("deleteProjectKey", () => {
  it("also undeploys a deployment made after the environments were read", async () => {
    const key = keys.find((k) => k.deployments > 0 && k !== keys[0] && k !== keys[1])!;
    const row = await env.DB.prepare("SELECT * FROM project_keys WHERE project_name = ?1 AND name = ?2")
      .bind(key.project_name, key.name)
      .first<ProjectKeyRow>();
    // As if the environments had been read before a deployment was added: none known.
    const deleted = await deleteProjectKey(env.DB, row!, "NULLIFY", []);
    expect(deleted.undeployed.reduce((n, u) => n + u.rows, 0)).toBe(key.deployments);
    const left = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM deployments WHERE project_name = ?1 AND key_name = ?2",
    )
      .bind(key.project_name, key.name)
      .first<{ n: number }>();
    expect(left!.n).toBe(0);
  });
});
