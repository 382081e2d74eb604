import type { Plan } from "@cleanup/shared";
import { describe, expect, test } from "vitest";
import { environmentsInPlan, planTouchesProduction } from "./plan-environments";

function plan(environment: string, fingerprint: Plan["fingerprint"]): Plan {
  return {
    target: { type: "project-key", id: "billing/signing-2026", label: "billing/signing-2026" },
    environment,
    options: {},
    delete: [],
    keep: [],
    counts: { events: 0, bytes: 0, d1Rows: {}, doInstances: 0, jwks: 0, environments: 0, nodes: 0 },
    warnings: [],
    fingerprint,
  };
}

describe("the environments a plan touches", () => {
  test("include those a project key is undeployed from, production among them", () => {
    const p = plan("dev", { key: "billing/signing-2026", environments: "dev,production" });
    expect(environmentsInPlan(p)).toEqual(["dev", "production"]);
    expect(planTouchesProduction(p)).toBe(true);
  });

  test("come from the dry run's own results too", () => {
    const p = plan("dev", { key: "billing/legacy-rsa" });
    expect(planTouchesProduction(p, ["dev", "stage"])).toBe(false);
    expect(planTouchesProduction(p, ["production"])).toBe(true);
  });

  test("are the console's own alone for a lock in dev", () => {
    const p = plan("dev", { lockId: 1004, eventCount: 12 });
    expect(environmentsInPlan(p)).toEqual(["dev"]);
    expect(planTouchesProduction(p)).toBe(false);
    expect(planTouchesProduction(plan("production", { lockId: 1004 }))).toBe(true);
  });
});
