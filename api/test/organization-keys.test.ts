import { introspectWorkflow } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { OrganizationDetail, OrgKeyDeletionResponse, OrgKeyErrorBody } from "@cleanup/shared";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  ADMIN_KEY,
  call,
  devSignedToken,
  json,
  seed,
  staffCall,
  tokenFor,
  waitForSystemEvent,
} from "./helpers.ts";

const DENIED = {
  success: false,
  message: "Access denied: you can only manage keys for your own organization",
};

beforeAll(async () => {
  await seed();
});

async function deleteOrgKeysAs(token: string, idOrg: string, query = "") {
  return call(`/organization/${idOrg}/key${query}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${token}`, "X-API-Key": ADMIN_KEY },
  });
}

describe("GET /admin/organizations/{idOrg}", () => {
  it("shows acme with its owner, keys and nodes", async () => {
    const detail = OrganizationDetail.parse(await json(await staffCall("/admin/organizations/acme")));
    expect(detail.members).toContainEqual({ email: "owner@acme.example", role: "OWNER" });
    expect(detail.keyCount).toBeGreaterThan(0);
    expect(detail.nodeCount).toBe(detail.nodes.length);
    expect((await staffCall("/admin/organizations/nope")).status).toBe(404);
  });
});

describe("DELETE /organization/{idOrg}/key", () => {
  it("refuses anyone but staff and the org's own OWNER or ADMINISTRATOR with the published 403", async () => {
    const tokens = [
      await tokenFor("alice@example.com"),
      await tokenFor("mallory@smartphonekey.com.evil.example"),
      await devSignedToken({ email: "member1@acme.example" }),
      await devSignedToken({ email: "owner@acme.example", email_verified: false }),
    ];
    for (const token of tokens) {
      const res = await deleteOrgKeysAs(token, "acme");
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual(DENIED);
    }
    const owner = await tokenFor("owner@acme.example");
    const elsewhere = await deleteOrgKeysAs(owner, "globex");
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.json()).toEqual(DENIED);
  });

  it("keeps its own error shape for bad input and missing credentials", async () => {
    const owner = await tokenFor("owner@acme.example");
    const bad = await deleteOrgKeysAs(owner, encodeURIComponent("../acme"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ success: false, details: [{ field: "idOrg" }] });
    const flag = await deleteOrgKeysAs(owner, "acme", "?dryRun=yes");
    expect(await flag.json()).toMatchObject({ success: false, details: [{ field: "dryRun" }] });
    const anonymous = await call("/organization/acme/key", { method: "DELETE" });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ success: false, message: expect.any(String) });
    expect((await deleteOrgKeysAs(await tokenFor(), "nope")).status).toBe(404);
  });

  it("lets the OWNER preview: nodes must re-register", async () => {
    const res = await deleteOrgKeysAs(await tokenFor("owner@acme.example"), "acme", "?dryRun=true");
    expect(res.status).toBe(200);
    const body = OrgKeyDeletionResponse.parse(await res.json());
    expect(body).toMatchObject({ success: true, dryRun: true });
    expect(body.plan!.warnings.map((w) => w.code)).toContain("NODES_MUST_REREGISTER");
    expect(body.plan!.keep).toContainEqual(expect.objectContaining({ kind: "api-keys" }));
  });

  it("lets an ADMINISTRATOR delete every key and node link; nodes and API keys stay; a system event is published", async () => {
    const before = OrganizationDetail.parse(await json(await staffCall("/admin/organizations/acme")));
    const res = await deleteOrgKeysAs(await devSignedToken({ email: "admin@acme.example" }), "acme");
    expect(res.status).toBe(200);
    const body = OrgKeyDeletionResponse.parse(await res.json());
    expect(body).toMatchObject({
      success: true,
      message: `Successfully deleted ${before.keyCount} organization key(s)`,
      summary: {
        orgKeysDeleted: before.keyCount,
        nodeKeysDeleted: before.nodes.reduce((n, node) => n + node.keyIds.length, 0),
      },
    });
    expect(body.auditLogPath).toMatch(/^audit\//);
    const after = OrganizationDetail.parse(await json(await staffCall("/admin/organizations/acme")));
    expect(after).toMatchObject({
      keyCount: 0,
      nodeCount: before.nodeCount,
      apiKeyCount: before.apiKeyCount,
    });
    expect(after.nodes.every((n) => n.keyIds.length === 0)).toBe(true);
    // Published on the SYSTEM_EVENTS queue; the api's own queue() consumer records it.
    const recorded = await waitForSystemEvent((e) => e.type === "organization-keys-deleted");
    expect(recorded.data).toMatchObject({ idOrg: "acme", keysDeleted: before.keyCount });

    const again = await staffCall("/organization/acme/key", { method: "DELETE" });
    expect(await again.json()).toMatchObject({
      success: true,
      message: "Successfully deleted 0 organization key(s)",
    });
  });
});

describe("DELETE /organization/{idOrg}/key after the organization changed since the preview", () => {
  it("is refused with 412 in the endpoint's own shape, saying what changed, deleting nothing", async () => {
    const idOrg = "acme";
    const preview = OrgKeyDeletionResponse.parse(
      await json(await staffCall(`/organization/${idOrg}/key?dryRun=true`, { method: "DELETE" })),
    );
    await env.DB.prepare(
      "INSERT INTO org_keys (id, org_id, algorithm, public_key, created_at) VALUES ('late-key', ?1, 'ES256', 'pk', ?2)",
    )
      .bind(idOrg, new Date().toISOString())
      .run();
    const before = OrganizationDetail.parse(await json(await staffCall(`/admin/organizations/${idOrg}`)));

    const res = await staffCall(`/organization/${idOrg}/key`, {
      method: "DELETE",
      headers: { "If-Match": `"${preview.planToken}"` },
    });
    expect(res.status).toBe(412);
    const body = OrgKeyErrorBody.parse(await res.json());
    expect(body).toMatchObject({ success: false, currentPlanToken: expect.any(String) });
    expect(body.changes!.length).toBeGreaterThan(0);
    const after = OrganizationDetail.parse(await json(await staffCall(`/admin/organizations/${idOrg}`)));
    expect(after.keyCount).toBe(before.keyCount);
  });
});

describe("DELETE /organization/{idOrg}/key when the SYSTEM_EVENTS queue is down", () => {
  it("still reports the deletion it did (200, audited as success) and names the lost event", async () => {
    // Down for good: the step's retries (without their delays here) all fail.
    const send = vi.spyOn(env.SYSTEM_EVENTS, "send").mockRejectedValue(new Error("queue unavailable"));
    await using jobs = await introspectWorkflow(env.DELETION_JOBS);
    await jobs.modifyAll(async (m) => {
      await m.disableRetryDelays();
    });
    try {
      const res = await staffCall("/organization/acme/key", { method: "DELETE" });
      const body = (await res.json()) as { success: boolean; errors: string[]; auditId: string };
      expect(res.status).toBe(200);
      expect(body.success).toBe(true);
      expect(body.errors).toEqual(["system-event: the monitoring event could not be published"]);
      expect(send.mock.calls.length).toBeGreaterThan(1); // retried, with one event id each time
      expect(new Set(send.mock.calls.map(([event]) => (event as { id: string }).id)).size).toBe(1);
      const record = await json(await staffCall(`/admin/audit/${body.auditId}`));
      expect(record).toMatchObject({ outcome: "success", targetId: "acme" });
      const after = OrganizationDetail.parse(await json(await staffCall("/admin/organizations/acme")));
      expect(after.keyCount).toBe(0);
    } finally {
      send.mockRestore();
    }
  });
});
