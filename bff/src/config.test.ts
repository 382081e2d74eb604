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
      publicUrl: "http://localhost:8080",
      oidc: {
        issuer: "http://localhost:8789",
        clientId: "cleanup-console",
        resource: "urn:cleanup-console:admin-api",
        redirectUri: "http://localhost:8080/bff/callback",
        postLogoutRedirectUri: "http://localhost:8080/bff/logged-out",
        allowHttp: true,
      },
      devPasswordLogin: true,
      session: { idleSeconds: 1800, absoluteSeconds: 43_200, recheckSeconds: 30 },
      apiTimeoutMs: 30_000,
      apiLongTimeoutMs: 600_000,
      apiMaxResponseBytes: 16 * 1024 * 1024,
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
        API_MAX_RESPONSE_BYTES: "12",
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
      "API_MAX_RESPONSE_BYTES",
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain("too-short-secret");
  });

  it("needs the client of a configured provider, https, and a recheck that keeps logout within 60 s", () => {
    let error: unknown;
    try {
      loadConfig({
        OIDC_ISSUER: "http://idp.example.com",
        SESSION_RECHECK_SECONDS: "120",
        SESSION_IDLE_SECONDS: "soon",
        SESSION_SECRET: SECRET,
      });
    } catch (err) {
      error = err;
    }
    const message = (error as Error).message;
    expect(message).toContain("OIDC_CLIENT_ID is required");
    expect(message).toContain("OIDC_CLIENT_SECRET is required");
    expect(message).toMatch(/OIDC_ISSUER="http:\/\/idp.example.com" must be https/);
    expect(message).toMatch(/SESSION_RECHECK_SECONDS="120" must be at most 55/);
    expect(message).toMatch(/SESSION_IDLE_SECONDS="soon" must be a number of seconds/);
  });

  it("turns the dev password sign-in off with an external provider, and sends no resource unless told", () => {
    const config = loadConfig({
      OIDC_ISSUER: "https://keycloak.example.com/realms/staff",
      OIDC_CLIENT_ID: "cleanup-console",
      OIDC_CLIENT_SECRET: "a-secret",
      BFF_PUBLIC_URL: "https://console.example.com/",
      SESSION_SECRET: SECRET,
    });
    expect(config.devPasswordLogin).toBe(false);
    expect(config.oidc).toMatchObject({
      issuer: "https://keycloak.example.com/realms/staff",
      resource: undefined,
      redirectUri: "https://console.example.com/bff/callback",
      allowHttp: false,
    });
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
