import { env } from "cloudflare:workers";
import { AuditRecord, OrgKeyDeletionResponse, ProjectKeyDeletionResponse } from "@cleanup/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN_KEY, call, devSignedToken, json, seed, staffCall, tokenFor } from "./helpers.ts";

// DESIGN 3.1: endpoints 4 and 5 are called as published, with a Bearer token alone; staff use the
// admin key as well. A key that is sent must be the right one.

const DENIED = {
  success: false,
  message: "Access denied: you can only manage keys for your own organization",
};

const bearer = (token: string, extra: Record<string, string> = {}) => ({
  Authorization: `Bearer ${token}`,
  ...extra,
});

beforeAll(async () => {
  await seed();
  // An undeployed key in billing, and one in another project.
  const now = new Date().toISOString();
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO project_keys (project_name, name, algorithm, fingerprint, created_at) VALUES ('billing', 'undeployed-key', 'ES256', 'f', ?1)",
    ).bind(now),
    env.DB.prepare("INSERT OR IGNORE INTO projects (name, created_at) VALUES ('analytics', ?1)").bind(now),
    env.DB.prepare(
      "INSERT INTO project_keys (project_name, name, algorithm, fingerprint, created_at) VALUES ('analytics', 'other-key', 'ES256', 'f', ?1)",
    ).bind(now),
  ]);
});

async function billingKeys(): Promise<{ name: string; deployments: number }[]> {
  const { results } = await env.DB.prepare(
    `SELECT k.name, (SELECT COUNT(*) FROM deployments d WHERE d.project_name = k.project_name AND d.key_name = k.name) AS deployments
     FROM project_keys k WHERE k.project_name = 'billing' ORDER BY deployments DESC, k.name`,
  ).all<{ name: string; deployments: number }>();
  return results;
}

const orgKeys = (idOrg: string, headers: Record<string, string>, query = "") =>
  call(`/organization/${idOrg}/key${query}`, { method: "DELETE", headers });
const projectKey = (project: string, key: string, headers: Record<string, string>, query = "") =>
  call(`/apiops/projects/${project}/keys/${key}/${query}`, { method: "DELETE", headers });

describe("endpoint 5 as published: DELETE /organization/{idOrg}/key with a Bearer token alone", () => {
  it("lets the org's OWNER preview and delete without the admin key, on record under the owner's name", async () => {
    const owner = await tokenFor("owner@acme.example");
    const preview = await orgKeys("acme", bearer(owner), "?dryRun=true");
    expect(preview.status).toBe(200);
    const planned = OrgKeyDeletionResponse.parse(await preview.json());
    const res = await orgKeys(
      "acme",
      bearer(owner, { "If-Match": `"${planned.planToken}"`, "X-Audit-Reason": "ACME-7 rotate" }),
    );
    expect(res.status).toBe(200);
    const body = OrgKeyDeletionResponse.parse(await res.json());
    expect(body.message).toMatch(/^Successfully deleted \d+ organization key\(s\)$/);
    const record = AuditRecord.parse(await json(await staffCall(`/admin/audit/${body.auditId}`)));
    expect(record).toMatchObject({
      actor: "owner@acme.example",
      outcome: "success",
      reason: "ACME-7 rotate",
    });
  });

  it("gives another org's OWNER, a MEMBER and staff without the key the published 403", async () => {
    const callers = [
      await tokenFor("owner@acme.example"), // for globex
      await tokenFor("secrets@acme.example"), // a MEMBER of acme
      await tokenFor("support@smartphonekey.com"), // staff, but no admin key
    ];
    const orgs = ["globex", "acme", "acme"];
    for (const [i, token] of callers.entries()) {
      const res = await orgKeys(orgs[i]!, bearer(token), "?dryRun=true");
      expect(res.status, orgs[i]).toBe(403);
      expect(await res.json()).toEqual(DENIED);
    }
  });

  it("lets staff with the admin key manage any org", async () => {
    const res = await orgKeys(
      "acme",
      bearer(await tokenFor(), { "X-Admin-API-Key": ADMIN_KEY }),
      "?dryRun=true",
    );
    expect(res.status).toBe(200);
  });

  it("refuses a wrong admin key, or two that disagree, even from the OWNER (401, endpoint 5's shape)", async () => {
    const owner = await tokenFor("owner@acme.example");
    const keySets: Record<string, string>[] = [
      { "X-Admin-API-Key": "wrong" },
      { "X-API-Key": "wrong" },
      { "X-Admin-API-Key": ADMIN_KEY, "X-API-Key": "wrong" },
    ];
    for (const keys of keySets) {
      const res = await orgKeys("acme", bearer(owner, keys), "?dryRun=true");
      expect(res.status, JSON.stringify(keys)).toBe(401);
      expect(await res.json()).toEqual({ success: false, message: expect.any(String) });
    }
  });

  it("still needs a token (401)", async () => {
    const res = await orgKeys("acme", { "X-Admin-API-Key": ADMIN_KEY }, "?dryRun=true");
    expect(res.status).toBe(401);
  });
});

describe("endpoint 4 as published: a Bearer token with SECRETS permissions for that project", () => {
  it("lets secrets@acme.example (billing only) delete a deployed billing key without the admin key", async () => {
    const [deployed] = await billingKeys();
    expect(deployed!.deployments).toBeGreaterThan(0);
    const token = await tokenFor("secrets@acme.example");
    const preview = await projectKey("billing", deployed!.name, bearer(token), "?dryRun=true");
    expect(preview.status).toBe(200);
    const res = await projectKey("billing", deployed!.name, bearer(token));
    expect(res.status).toBe(200);
    const body = ProjectKeyDeletionResponse.parse(await res.json());
    expect(body.deploymentResult.environmentResults).toHaveLength(deployed!.deployments);
    const record = AuditRecord.parse(await json(await staffCall(`/admin/audit/${body.auditId}`)));
    expect(record).toMatchObject({ actor: "secrets@acme.example", targetId: `billing/${deployed!.name}` });
  });

  it("refuses secrets@acme.example in any other project with 403, before saying whether the key exists", async () => {
    const token = await tokenFor("secrets@acme.example");
    for (const key of ["other-key", "no-such-key"]) {
      const res = await projectKey("analytics", key, bearer(token), "?dryRun=true");
      expect(res.status, key).toBe(403);
      expect(await res.json()).toMatchObject({
        error: "Forbidden",
        message: expect.stringContaining("analytics"),
      });
    }
  });

  it("needs SECRETS:DEPLOY_UNDEPLOY in that project for a deployed key, SECRETS:MANAGE alone for an undeployed one", async () => {
    const [deployed] = await billingKeys();
    const manageOnly = await devSignedToken({
      email: "ops@acme.example",
      permissions: ["SECRETS:MANAGE@billing", "SECRETS:DEPLOY_UNDEPLOY@analytics"],
    });
    const refused = await projectKey("billing", deployed!.name, bearer(manageOnly), "?dryRun=true");
    expect(refused.status).toBe(403);
    const undeployed = await projectKey("billing", "undeployed-key", bearer(manageOnly), "?dryRun=true");
    expect(undeployed.status).toBe(200);
    // A permission scoped to another project, or to a project whose name only starts the same, holds nothing.
    for (const permissions of [
      ["SECRETS:MANAGE@analytics"],
      ["SECRETS:MANAGE@bill"],
      ["SECRETS:MANAGE@billing2"],
    ]) {
      const token = await devSignedToken({ email: "ops@acme.example", permissions });
      const res = await projectKey("billing", "undeployed-key", bearer(token), "?dryRun=true");
      expect(res.status, permissions.join()).toBe(403);
    }
  });

  it("lets staff with the admin key and bare permissions delete in any project", async () => {
    const res = await projectKey(
      "analytics",
      "other-key",
      bearer(await tokenFor("admin@smartphonekey.com"), { "X-API-Key": ADMIN_KEY }),
      "?dryRun=true",
    );
    expect(res.status).toBe(200);
  });

  it("refuses a wrong admin key sent with a good token (401)", async () => {
    const token = await tokenFor("secrets@acme.example");
    const res = await projectKey(
      "billing",
      "undeployed-key",
      bearer(token, { "X-Admin-API-Key": "nope" }),
      "?dryRun=true",
    );
    expect(res.status).toBe(401);
  });

  it("keeps the project key's read for staff with the admin key", async () => {
    const token = await tokenFor("secrets@acme.example");
    const read = await call("/apiops/projects/billing/keys/undeployed-key/", { headers: bearer(token) });
    expect(read.status).toBe(401);
    const asSecrets = await call("/apiops/projects/billing/keys/undeployed-key/", {
      headers: bearer(token, { "X-Admin-API-Key": ADMIN_KEY }),
    });
    expect(asSecrets.status).toBe(403);
    expect((await staffCall("/apiops/projects/billing/keys/undeployed-key/")).status).toBe(200);
  });
});
