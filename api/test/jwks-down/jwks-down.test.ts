import { env } from "cloudflare:workers";
import { importJWK, type JWK, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { auditLogStub } from "../../src/audit/audit-log.ts";
import { KEYS_RETRY_MS } from "../../src/auth/jwt.ts";
import { AUDIENCE, call, ISSUER } from "../helpers.ts";
import { STAGE_ADMIN_KEY } from "../stage/stage-vars.ts";

// The issuer's key set (JWKS_URL) is unreachable: no token can be checked. Each one must be a
// clear 503, not a 500, and must neither cost a full audit append nor an outbound fetch of its own.

/** A token the issuer really signed: good, if only its keys could be fetched. */
async function issuerToken(email = "support@smartphonekey.com"): Promise<string> {
  const jwk = JSON.parse(env.TEST_ISSUER_PRIVATE_JWK!) as JWK;
  return new SignJWT({ email, email_verified: true })
    .setProtectedHeader({ alg: "ES256", kid: jwk.kid! })
    .setSubject(email)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(await importJWK(jwk, "ES256"));
}
/** No signature at all: jose still asks for the keys before it looks. */
const unsigned = (() => {
  const part = (o: object) =>
    btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: "ES256", kid: "anything" })}.${part({ iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 600 })}.AAAA`;
})();

const chainLength = async () =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_index").first<{ n: number }>())!.n;
const attempts = async () =>
  ((await (await fetch(env.TEST_JWKS_ATTEMPTS_URL!)).json()) as { attempts: number }).attempts;

describe("with the issuer's keys unreachable", () => {
  it("answers a bearer token with a 503 that says so, on every route family, never a 500", async () => {
    const token = await issuerToken();
    const staff = { Authorization: `Bearer ${token}`, "X-Admin-API-Key": STAGE_ADMIN_KEY };
    const admin = await call("/admin/environment", { headers: staff });
    expect(admin.status).toBe(503);
    expect(await admin.json()).toMatchObject({
      error: "Service Unavailable",
      code: 503,
      message: expect.stringContaining("signing keys (JWKS_URL) could not be fetched"),
    });
    const lock = await call("/admin/cleanup/locks/1001?mode=DELETE_DO_ONLY", {
      method: "DELETE",
      headers: staff,
    });
    expect(lock.status).toBe(503);
    const org = await call("/organization/acme/key", {
      method: "DELETE",
      headers: { Authorization: `Bearer ${unsigned}` },
    });
    expect(org.status).toBe(503);
    expect(await org.json()).toEqual({ success: false, message: expect.stringContaining("JWKS_URL") });
  });

  it("counts a flood of such deletions into one summary instead of appending each, and fetches the keys once", async () => {
    const before = await chainLength();
    const fetchesBefore = await attempts();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await call(`/organization/${"chosen-text-".repeat(8)}${i}/key?note=${"x".repeat(150)}`, {
        method: "DELETE",
        headers: {
          Authorization: `Bearer ${i % 2 ? unsigned : await issuerToken("owner@acme.example")}`,
          "CF-Connecting-IP": "203.0.113.99",
        },
      });
      statuses.push(res.status);
    }
    expect(new Set(statuses)).toEqual(new Set([503]));
    expect(await chainLength()).toBe(before);
    // Within KEYS_RETRY_MS of the last failure no token causes another fetch.
    expect(await attempts()).toBeLessThanOrEqual(fetchesBefore + 1);

    await auditLogStub(env).flushRefusals(Date.now() + 61_000);
    const summary = await env.DB.prepare("SELECT * FROM audit_index WHERE target_id = '203.0.113.99'").first<{
      actor: string;
      count: number;
      outcome: string;
      http_status: number;
    }>();
    expect(summary).toMatchObject({ actor: "anonymous", count: 20, outcome: "failure", http_status: 503 });
  });

  it("tries the keys again once the pause is over", async () => {
    const before = await attempts();
    await new Promise((r) => setTimeout(r, KEYS_RETRY_MS + 100));
    const res = await call("/admin/environment", {
      headers: { Authorization: `Bearer ${await issuerToken()}`, "X-Admin-API-Key": STAGE_ADMIN_KEY },
    });
    expect(res.status).toBe(503);
    expect(await attempts()).toBeGreaterThan(before);
  });
});
