import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { exportJWK, generateKeyPair } from "jose";
import { defineConfig } from "vitest/config";
import { STAGE_ADMIN_KEY } from "./test/stage/stage-vars.ts";

/** The external identity issuer a stage deployment trusts, stood in for by a key pair made here. */
const STAGE_JWKS_URL = "https://issuer.example.test/.well-known/jwks.json";
/** The OpenID provider `npm start` runs beside the api (idp/), stood in for by the same key pair. */
const PROVIDER_ISSUER = "http://localhost:8789";
const PROVIDER_JWKS_URL = `${PROVIDER_ISSUER}/jwks`;
/**
 * An issuer whose keys cannot be fetched (finding 3, ADR 018): a real local server that drops every
 * connection for its key set, as a dead or unreachable issuer does, and counts the attempts.
 */
async function unreachableIssuer(): Promise<{ jwksUrl: string; attemptsUrl: string }> {
  let attempts = 0;
  const server = http.createServer((req, res) => {
    if (req.url === "/attempts") return res.end(JSON.stringify({ attempts }));
    attempts++;
    req.socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return { jwksUrl: `http://127.0.0.1:${port}/jwks`, attemptsUrl: `http://127.0.0.1:${port}/attempts` };
}

/** What `npm start` passes as vars (wrangler.jsonc sets none of these, so a bare deploy cannot be "dev"). */
const LOCAL_DEV_VARS = {
  ENVIRONMENT_NAME: "dev",
  ADMIN_API_KEY: "dev-admin-key",
  DEV_LOGIN_PASSWORD: "dev-password",
};

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  const issuer = await generateKeyPair("ES256", { extractable: true });
  const publicJwk = { ...(await exportJWK(issuer.publicKey)), kid: "stage-issuer", alg: "ES256", use: "sig" };
  const privateJwk = JSON.stringify({ ...(await exportJWK(issuer.privateKey)), kid: "stage-issuer" });

  const down = await unreachableIssuer();
  const shared = { setupFiles: ["./test/setup.ts"], testTimeout: 30_000, hookTimeout: 60_000 };
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.jsonc" },
              // A small seed keeps the suite fast on two cores; TEST_MIGRATIONS feeds test/setup.ts.
              miniflare: { bindings: { ...LOCAL_DEV_VARS, SEED_SCALE: "0.2", TEST_MIGRATIONS: migrations } },
            }),
          ],
          test: { ...shared, name: "dev", include: ["src/**/*.test.ts", "test/*.test.ts"] },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.jsonc" },
              // A second staff member approves every deletion; requests expire after five seconds.
              miniflare: {
                bindings: {
                  ...LOCAL_DEV_VARS,
                  SEED_SCALE: "0.2",
                  REQUIRE_APPROVAL: "true",
                  APPROVAL_TTL: "PT5S",
                  TEST_MIGRATIONS: migrations,
                },
              },
            }),
          ],
          test: { ...shared, name: "approval", include: ["test/approval/*.test.ts"] },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.jsonc" },
              miniflare: {
                bindings: {
                  ENVIRONMENT_NAME: "stage",
                  ADMIN_API_KEY: STAGE_ADMIN_KEY,
                  JWKS_URL: STAGE_JWKS_URL,
                  TEST_MIGRATIONS: migrations,
                  TEST_ISSUER_PRIVATE_JWK: privateJwk,
                },
                // The only outbound call the api makes: fetching the external issuer's keys.
                outboundService: (request: Request) =>
                  request.url === STAGE_JWKS_URL
                    ? Response.json({ keys: [publicJwk] })
                    : new Response("no network in tests", { status: 502 }),
              },
            }),
          ],
          test: { ...shared, name: "stage", include: ["test/stage/*.test.ts"] },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.jsonc" },
              miniflare: {
                bindings: {
                  ENVIRONMENT_NAME: "stage",
                  ADMIN_API_KEY: STAGE_ADMIN_KEY,
                  JWKS_URL: down.jwksUrl,
                  TEST_MIGRATIONS: migrations,
                  TEST_ISSUER_PRIVATE_JWK: privateJwk,
                  TEST_JWKS_ATTEMPTS_URL: down.attemptsUrl,
                },
              },
            }),
          ],
          test: { ...shared, name: "jwks-down", include: ["test/jwks-down/*.test.ts"] },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.jsonc" },
              miniflare: {
                bindings: {
                  ...LOCAL_DEV_VARS,
                  JWT_ISSUER: PROVIDER_ISSUER,
                  JWKS_URL: PROVIDER_JWKS_URL,
                  TEST_MIGRATIONS: migrations,
                  TEST_ISSUER_PRIVATE_JWK: privateJwk,
                },
                outboundService: (request: Request) =>
                  request.url === PROVIDER_JWKS_URL
                    ? Response.json({ keys: [publicJwk] })
                    : new Response("no network in tests", { status: 502 }),
              },
            }),
          ],
          test: { ...shared, name: "dev-with-provider", include: ["test/dev-with-provider/*.test.ts"] },
        },
      ],
    },
  };
});
