import { describe, expect, test } from "vitest";
import { targetLink } from "./target-links";

describe("a target's page", () => {
  test("is found from the id its delete path takes", () => {
    expect(targetLink("dev", { type: "lock", id: "1001" })).toMatchObject({
      to: "/$env/locks/$lockId",
      params: { env: "dev", lockId: "1001" },
    });
    expect(targetLink("dev", { type: "project-key", id: "billing/legacy-rsa" })).toMatchObject({
      to: "/$env/projects/$projectName/keys/$keyName",
      params: { projectName: "billing", keyName: "legacy-rsa" },
    });
  });

  test("does not exist for ids that cannot be one, or for the environment itself", () => {
    expect(targetLink("dev", { type: "project-key", id: "billing" })).toBeNull();
    expect(targetLink("dev", { type: "project-key", id: "a/b/c" })).toBeNull();
    expect(targetLink("dev", { type: "environment", id: "dev" })).toBeNull();
  });
});
