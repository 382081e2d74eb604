import { env } from "cloudflare:workers";
import { importJWK, type JWK, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { AUDIENCE, call, ISSUER, json } from "../helpers.ts";

/** What `npm start` sets: JWT_ISSUER and JWKS_URL name the local OpenID provider. */
const PROVIDER = "http://localhost:8789";

/** An access token as the provider signs it for the api (ES256 JWT, resource audience). */
async function providerToken(claims: Record<string, unknown>, issuer = PROVIDER): Promise<string> {
  const jwk = JSON.parse(env.TEST_ISSUER_PRIVATE_JWK!) as JWK;
  return new SignJWT({ email: "support@smartphonekey.com", email_verified: true, ...claims })
    .setProtectedHeader({ alg: "ES256", kid: jwk.kid!, typ: "at+jwt" })
    .setSubject("staff-support")
    .setIssuer(issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(await importJWK(jwk, "ES256"));
}

const environment = (token: string) =>
  call("/admin/environment", {
    headers: { Authorization: `Bearer ${token}`, "X-Admin-API-Key": "dev-admin-key" },
  });

describe("the dev api with the local OpenID provider configured", () => {
  it("trusts the provider's access tokens", async () => {
    expect((await environment(await providerToken({}))).status).toBe(200);
  });

  it("still trusts its own dev issuer beside it, for scripts", async () => {
    const issued = await call("/auth/dev/token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "admin@smartphonekey.com", password: "dev-password" }),
    });
    const { token } = await json<{ token: string }>(issued);
    expect((await environment(token)).status).toBe(200);
  });

  it("refuses the provider's key claiming the dev issuer, and a non-staff or unverified token", async () => {
    expect((await environment(await providerToken({}, ISSUER))).status).toBe(401);
    expect((await environment(await providerToken({ email: "alice@example.com" }))).status).toBe(403);
    expect((await environment(await providerToken({ email_verified: false }))).status).toBe(403);
  });
});
