import { introspectWorkflow } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { stepFaults } from "../src/jobs/step-faults.ts";
import { call, devSignedToken, seedLocksBeforeAll, staffCall, tokenFor } from "./helpers.ts";
import {
  PUBLISHED_ORG_DENIED,
  PublishedAccepted,
  PublishedArchives,
  PublishedBadRequest,
  PublishedConflict,
  PublishedDeleteAll,
  PublishedForbidden,
  PublishedHubDeletion,
  PublishedInternalError,
  PublishedJob,
  PublishedLockDeletion,
  PublishedOrgKeyDeletion,
  PublishedOrgKeyError,
  PublishedOrgKeySuccessMessage,
  PublishedProjectKeyDeletion,
  PublishedUnauthorized,
} from "./published-schemas.ts";

// Every endpoint's answers — success, dry run, every error — parsed with the schemas written from
// DESIGN's published text alone (test/published-schemas.ts imports nothing of ours).
const locks = seedLocksBeforeAll();

afterEach(() => {
  stepFaults.beforeWork = null;
});

async function parsed<S extends z.ZodType>(res: Response, status: number, schema: S): Promise<z.output<S>> {
  const body = await res.json();
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(status);
  const result = schema.safeParse(body);
  expect(result.success, JSON.stringify(result.error?.issues ?? [])).toBe(true);
  return result.data as z.output<S>;
}

const del = (path: string, headers: Record<string, string> = {}) =>
  staffCall(path, { method: "DELETE", headers });
const anonymous = (path: string, method = "DELETE") => call(path, { method });
const nonStaff = async (path: string) =>
  call(path, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${await tokenFor("alice@example.com")}`, "X-API-Key": "dev-admin-key" },
  });

describe("endpoint 3 (locks) as published", () => {
  it("parses success, dry run, 400, 401, 403, 409, 500 and 202", async () => {
    const [a, b, c] = locks.filter((l) => l.event_count > 0);
    const path = (id: number | string, q = "mode=DELETE_DO_AND_EVENTS") => `/admin/cleanup/locks/${id}?${q}`;
    const dry = await parsed(
      await del(path(a!.lock_id, "mode=DELETE_DO_AND_EVENTS&dryRun=true")),
      200,
      PublishedLockDeletion,
    );
    expect(dry.operations.length).toBeGreaterThan(0);
    const ok = await parsed(await del(path(a!.lock_id)), 200, PublishedLockDeletion);
    expect(ok).toMatchObject({ success: true, mode: "DELETE_DO_AND_EVENTS", cascadeDeleteKeys: true });
    expect(ok.operations.find((o) => o.startsWith("archive: "))).toMatch(
      /→ archives\/lock\/.*\.ndjson, sha256 [0-9a-f]{8}…, verified$/,
    );
    expect(ok.auditLogPath).toMatch(/^audit\//);
    await parsed(await del(path(b!.lock_id, "mode=nope")), 400, PublishedBadRequest);
    await parsed(await anonymous(path(b!.lock_id)), 401, PublishedUnauthorized);
    await parsed(await nonStaff(path(b!.lock_id)), 403, PublishedForbidden);

    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    stepFaults.beforeWork = (_j, step) => (step === "archive" ? held : undefined);
    const accepted = await parsed(
      await del(path(b!.lock_id), { Prefer: "respond-async" }),
      202,
      PublishedAccepted,
    );
    const conflict = await parsed(await del(path(b!.lock_id)), 409, PublishedConflict);
    expect(conflict.jobId).toBe(accepted.jobId);
    await parsed(await staffCall(accepted.statusUrl), 200, PublishedJob);
    release();

    await using jobs = await introspectWorkflow(env.DELETION_JOBS);
    await jobs.modifyAll(async (m) => {
      await m.disableRetryDelays();
      await m.mockStepError({ name: "delete-d1-rows" }, new Error("D1 unavailable"));
    });
    const failed = await parsed(await del(path(c!.lock_id)), 500, PublishedInternalError);
    expect(PublishedLockDeletion.safeParse(failed).success).toBe(true); // the steps that ran, beside it
  });
});

describe("endpoint 2 (hubs) as published", () => {
  it("parses success, dry run and 400", async () => {
    const hub = await env.DB.prepare("SELECT id FROM hubs ORDER BY id LIMIT 1").first<{ id: string }>();
    const path = (q: string) => `/admin/cleanup/hubs/${hub!.id}?${q}`;
    await parsed(await del(path("mode=DELETE_DO_ONLY&dryRun=true")), 200, PublishedHubDeletion);
    await parsed(await del(path("mode=DELETE_DO_ONLY")), 200, PublishedHubDeletion);
    await parsed(await del("/admin/cleanup/hubs/1001?mode=DELETE_DO_ONLY"), 400, PublishedBadRequest);
  });
});

describe("endpoint 4 (project keys) as published", () => {
  it("parses success, dry run, 400, 401 and 403", async () => {
    const key = await env.DB.prepare(
      "SELECT project_name, name FROM project_keys ORDER BY name LIMIT 1",
    ).first<{
      project_name: string;
      name: string;
    }>();
    const path = `/apiops/projects/${key!.project_name}/keys/${key!.name}/`;
    await parsed(await del(`${path}?dryRun=true`), 200, PublishedProjectKeyDeletion);
    await parsed(await del(`${path}?jwkDeleteAction=nope`), 400, PublishedBadRequest);
    await parsed(await anonymous(path), 401, PublishedUnauthorized);
    const noPermission = await devSignedToken({ email: "ops@smartphonekey.com", permissions: [] });
    await parsed(
      await call(path, { method: "DELETE", headers: { Authorization: `Bearer ${noPermission}` } }),
      403,
      PublishedForbidden,
    );
    const ok = await parsed(await del(path), 200, PublishedProjectKeyDeletion);
    expect(ok.deploymentResult.success).toBe(true);
  });
});

describe("endpoint 5 (organization keys) as published", () => {
  it("parses success, dry run and its own error shape (400, 401, 403)", async () => {
    await parsed(await del("/organization/acme/key?dryRun=true"), 200, PublishedOrgKeyDeletion);
    await parsed(await del("/organization/acme/key?dryRun=yes"), 400, PublishedOrgKeyError);
    await parsed(await anonymous("/organization/acme/key"), 401, PublishedOrgKeyError);
    const outsider = await tokenFor("alice@example.com");
    const denied = await call("/organization/acme/key", {
      method: "DELETE",
      headers: { Authorization: `Bearer ${outsider}` },
    });
    expect(await parsed(denied, 403, PublishedOrgKeyError)).toEqual(PUBLISHED_ORG_DENIED);
    const ok = await parsed(await del("/organization/acme/key"), 200, PublishedOrgKeyDeletion);
    expect(ok.message).toMatch(PublishedOrgKeySuccessMessage);
  });
});

describe("endpoint 1 (delete-all) and the archives list as published", () => {
  it("parses the archives, the dry run, 400, 401 and 403, and the reset", async () => {
    await parsed(await staffCall("/admin/archives"), 200, PublishedArchives);
    await parsed(
      await staffCall("/admin/cleanup/delete-all?dryRun=true", { method: "POST" }),
      200,
      PublishedDeleteAll,
    );
    await parsed(
      await staffCall("/admin/cleanup/delete-all?dryRun=1", { method: "POST" }),
      400,
      PublishedBadRequest,
    );
    await parsed(await anonymous("/admin/cleanup/delete-all", "POST"), 401, PublishedUnauthorized);
    const alice = await tokenFor("alice@example.com");
    await parsed(
      await call("/admin/cleanup/delete-all", {
        method: "POST",
        headers: { Authorization: `Bearer ${alice}`, "X-API-Key": "dev-admin-key" },
      }),
      403,
      PublishedForbidden,
    );
    const reset = await parsed(
      await staffCall("/admin/cleanup/delete-all", { method: "POST" }),
      200,
      PublishedDeleteAll,
    );
    expect(reset.success).toBe(true);
    expect(reset.duration).toBeLessThan(60); // seconds
  });
});
