import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const SECRET = "a-session-secret-that-is-long-enough-123";

describe("configuration", () => {
  it("runs locally with no variables at all", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      environments: [
        { name: "dev", kind: "dev", apiUrl: "http://127.0.0.1:8787", adminKey: "dev-admin-key" },
      ],
      authTokenUrl: "http://127.0.0.1:8787/auth/dev/token",
      apiTimeoutMs: 30_000,
      apiLongTimeoutMs: 600_000,
    });
    expect(config.webDist).toBe(path.resolve(import.meta.dirname, "../../web/dist"));
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.warnings.join()).toMatch(/SESSION_SECRET/);
  });

  it("follows API_PORT and ADMIN_API_KEY for dev, and per-environment variables for the rest", () => {
    const config = loadConfig({
      API_PORT: "9999",
      ADMIN_API_KEY: "shared",
      BFF_ENVIRONMENTS: "dev, stage-eu",
      API_URL_STAGE_EU: "https://stage-eu.example/",
      ADMIN_API_KEY_STAGE_EU: "stage-key",
      ENV_KIND_STAGE_EU: "stage",
      SESSION_SECRET: SECRET,
    });
    expect(config.environments).toEqual([
      { name: "dev", kind: "dev", apiUrl: "http://127.0.0.1:9999", adminKey: "shared" },
      { name: "stage-eu", kind: "stage", apiUrl: "https://stage-eu.example", adminKey: "stage-key" },
    ]);
    expect(config.warnings).toEqual([]);
  });

  it("fails loudly, naming every bad variable and never echoing a secret", () => {
    let error: unknown;
    try {
      loadConfig({
        BFF_PORT: "eighty",
        BFF_ENVIRONMENTS: "dev,production",
        API_URL_PRODUCTION: "not a url",
        SESSION_SECRET: "too-short-secret",
        API_TIMEOUT_MS: "-5",
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of [
      "BFF_PORT",
      "API_URL_PRODUCTION",
      "ADMIN_API_KEY_PRODUCTION",
      "SESSION_SECRET",
      "API_TIMEOUT_MS",
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain("too-short-secret");
  });

  it("needs ENV_KIND_N for an environment whose name is not a kind", () => {
    expect(() =>
      loadConfig({ BFF_ENVIRONMENTS: "qa", API_URL_QA: "http://qa.example", ADMIN_API_KEY_QA: "k" }),
    ).toThrow(/ENV_KIND_QA is required/);
  });

  it("keeps the bff from starting on a bad environment", () => {
    const run = spawnSync(process.execPath, ["src/server.ts"], {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: { ...process.env, BFF_PORT: "not-a-port", SESSION_SECRET: SECRET },
      encoding: "utf8",
      timeout: 10_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/BFF_PORT="not-a-port" must be a port number/);
  });
});
