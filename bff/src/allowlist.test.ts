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
    ["GET", "/admin/audit/01JD0000000000000000000000"],
    ["DELETE", "/admin/cleanup/locks/42"],
    ["DELETE", "/admin/cleanup/hubs/0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3"],
    ["DELETE", "/apiops/projects/door-app/keys/signing_key/"],
    ["DELETE", "/organization/acme/key"],
    ["POST", "/admin/cleanup/delete-all"],
  ])("lets %s %s through", (method, path) => {
    expect(matchAllowedRoute(method, path)?.path).toBe(path);
  });

  it("gives only the dev reset the long timeout", () => {
    expect(matchAllowedRoute("POST", "/admin/cleanup/delete-all")?.timeout).toBe("long");
    expect(matchAllowedRoute("DELETE", "/admin/cleanup/locks/1")?.timeout).toBe("default");
  });

  it.each([
    ["POST", "/auth/dev/token"],
    ["POST", "/admin/dev/seed"],
    ["GET", "/admin/cleanup/delete-all"],
    ["PUT", "/admin/cleanup/locks/1"],
    ["GET", "/apiops/projects/p/keys/k"],
    ["GET", "/admin/locks/.."],
    ["GET", "/admin/locks/."],
    ["GET", "/admin/locks/..%2f..%2fdev%2fseed"],
    ["GET", "/admin/locks/%2e%2e"],
    ["GET", "/admin/locks/a\\b"],
    ["GET", "/admin/locks/a%00"],
    ["GET", "//admin/search"],
    ["GET", "admin/search"],
    ["GET", "/admin/locks/"],
    ["DELETE", "/organization//key"],
  ])("stops %s %s", (method, path) => {
    expect(matchAllowedRoute(method, path)).toBeUndefined();
  });
});
