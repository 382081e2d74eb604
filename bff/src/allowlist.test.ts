import { describe, expect, it } from "vitest";
import { matchAllowedRoute } from "./allowlist.ts";

describe("the api allowlist", () => {
  it.each([
    ["GET", "/admin/search"],
    ["GET", "/admin/locks/42"],
    ["GET", "/admin/locks/0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3"],
    ["GET", "/admin/hubs/0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3"],
    ["GET", "/admin/organizations/acme"],
    ["GET", "/apiops/projects/door-app/keys/signing_key/"],
    ["GET", "/admin/environment"],
    ["GET", "/admin/audit"],
    ["GET", "/admin/audit/verify"],
    ["GET", "/admin/audit/0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3"],
    ["DELETE", "/admin/cleanup/locks/42"],
    ["DELETE", "/admin/cleanup/hubs/0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3"],
    ["DELETE", "/apiops/projects/door-app/keys/signing_key/"],
    ["DELETE", "/organization/acme/key"],
    ["POST", "/admin/cleanup/delete-all"],
    ["GET", "/admin/jobs"],
    ["GET", "/admin/jobs/0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3"],
    ["GET", "/admin/archives"],
  ])("lets %s %s through", (method, path) => {
    expect(matchAllowedRoute(method, path)).toMatchObject({ ok: true, path });
  });

  it("gives only the dev reset the long timeout", () => {
    expect(matchAllowedRoute("POST", "/admin/cleanup/delete-all")).toMatchObject({ timeout: "long" });
    expect(matchAllowedRoute("DELETE", "/admin/cleanup/locks/1")).toMatchObject({ timeout: "default" });
  });

  it.each([
    ["POST", "/auth/dev/token"],
    ["POST", "/admin/dev/seed"],
    ["GET", "/admin/cleanup/delete-all"],
    ["PUT", "/admin/cleanup/locks/1"],
    ["GET", "/apiops/projects/p/keys/k"],
    ["GET", "//admin/search"],
    ["GET", "admin/search"],
    ["GET", "/admin/locks/1/x"],
    ["GET", "/admin/system-events"],
    ["POST", "/admin/dev/locks/1/activity"],
    ["POST", "/admin/dev/job-pace"],
  ])("knows no route %s %s", (method, path) => {
    expect(matchAllowedRoute(method, path)).toBeUndefined();
  });

  it("leaves judging well-formed ids to the api, which audits refused deletions", () => {
    expect(matchAllowedRoute("DELETE", "/admin/cleanup/hubs/42")).toMatchObject({ ok: true });
  });

  it.each([
    ["GET", "/admin/locks/..", "lockId"],
    ["GET", "/admin/locks/.", "lockId"],
    ["GET", "/admin/locks/..%2f..%2fdev%2fseed", "lockId"],
    ["GET", "/admin/locks/%2e%2e", "lockId"],
    ["GET", "/admin/locks/a\\b", "lockId"],
    ["GET", "/admin/locks/a%00", "lockId"],
    ["GET", "/admin/locks/", "lockId"],
    ["DELETE", "/organization//key", "idOrg"],
    ["DELETE", "/apiops/projects/door-app/keys/a%2fb/", "keyName"],
    ["GET", "/admin/audit/..", "id"],
  ])("refuses %s %s, naming %s", (method, path, field) => {
    expect(matchAllowedRoute(method, path)).toEqual({
      ok: false,
      details: [expect.objectContaining({ field, message: expect.any(String) })],
    });
  });
});
