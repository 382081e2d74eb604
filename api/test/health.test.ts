import { createExecutionContext, env } from "cloudflare:test";
import { InternalErrorBody } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { app } from "../src/app.ts";
import { call } from "./helpers.ts";

/** The api with some vars changed, as a deployment (or `npm start`) would run it. */
const withVars = (vars: Record<string, string>) =>
  app.fetch(new Request("https://api.test/health"), { ...env, ...vars }, createExecutionContext());

describe("GET /health", () => {
  it("answers without credentials and names the environment", async () => {
    const res = await call("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, environment: "dev" });
  });

  it("says, in dev, which var it refuses (npm start stops at once with this)", async () => {
    const res = await withVars({ SEED_SCALE: "abc" });
    expect(res.status).toBe(500);
    const body = InternalErrorBody.parse(await res.json());
    expect(body.message).toMatch(/^Invalid Worker configuration: SEED_SCALE: /);
    expect(body.requestId).toBe(res.headers.get("X-Request-Id"));
  });

  it("says only that it is misconfigured outside dev", async () => {
    const res = await withVars({ ENVIRONMENT_NAME: "production", ADMIN_API_KEY: "dev-admin-key" });
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ message: "The api is misconfigured; see its log" });
  });
});
