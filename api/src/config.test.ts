import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readConfig } from "./config.ts";

const withVars = (vars: Record<string, string | undefined>) => ({ ...env, ...vars }) as Env;

describe("the Worker's configuration", () => {
  it("is refused without ENVIRONMENT_NAME, so a bare deploy never passes for dev", () => {
    expect(() => readConfig(withVars({ ENVIRONMENT_NAME: undefined }))).toThrow(/ENVIRONMENT_NAME/);
  });

  it("is refused outside dev with the local default admin key", () => {
    expect(() => readConfig(withVars({ ENVIRONMENT_NAME: "production" }))).toThrow(
      /ADMIN_API_KEY: is the local default/,
    );
  });

  it("needs the dev password in dev only", () => {
    expect(() => readConfig(withVars({ DEV_LOGIN_PASSWORD: undefined }))).toThrow(/DEV_LOGIN_PASSWORD/);
    const stage = readConfig(
      withVars({ ENVIRONMENT_NAME: "stage", ADMIN_API_KEY: "a-real-secret", DEV_LOGIN_PASSWORD: undefined }),
    );
    expect(stage).toMatchObject({ environment: "stage", adminApiKey: "a-real-secret" });
  });

  it("takes SEED_SCALE up to 1000 (about 80,000 locks) and refuses more", () => {
    expect(readConfig(withVars({ SEED_SCALE: "1000" })).seedScale).toBe(1000);
    expect(() => readConfig(withVars({ SEED_SCALE: "1001" }))).toThrow(/SEED_SCALE/);
    expect(() => readConfig(withVars({ SEED_SCALE: "0" }))).toThrow(/SEED_SCALE/);
  });

  it("reads the local vars of the tests as dev", () => {
    expect(readConfig(env)).toMatchObject({ environment: "dev", adminApiKey: "dev-admin-key" });
  });
});
