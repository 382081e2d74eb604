import { env } from "cloudflare:workers";
import { importJWK, type JWK, SignJWT } from "jose";
import { describe, expect, it } from "vitest";

import { AUDIENCE, call, ISSUER } from "../helpers.ts";
import { STAGE_ADMIN_KEY } from "./stage-vars.ts";

/** A token from the stand-in external issuer that stage trusts through JWKS_URL. */
async function issuerToken(email: string): Promise<string> {
  const jwk = JSON.parse(env.TEST_ISSUER_PRIVATE_JWK!) as JWK;
  const key = await importJWK(jwk, "ES256");
  return new SignJWT({ email, email_verified: true, name: email })
    .setProtectedHeader({ alg: "ES256", kid: jwk.kid! })
    .setSubject(email)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(key);
}

const asStaff = async (path: string, init: RequestInit = {}) =>
  call(path, {
    ...init,
    headers: {
      Authorization: `Bearer ${await issuerToken("support@smartphonekey.com")}`,
      "X-Admin-API-Key": STAGE_ADMIN_KEY,
    },
  });

describe("on stage", () => {
  it("says so at /health", async () => {
    expect(await (await call("/health")).json()).toEqual({ ok: true, environment: "stage" });
  });

  it("has no dev identity issuer", async () => {
    const token = await call("/auth/dev/token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "support@smartphonekey.com", password: "dev-password" }),
    });
    expect(token.status).toBe(404);
    expect((await call("/.well-known/jwks.json")).status).toBe(404);
  });

  it("trusts tokens of the external issuer at JWKS_URL", async () => {
    const res = await asStaff("/admin/environment");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: "stage" });
  });

  it("refuses delete-all (even as a dry run) and the dev helpers with 403, and audits the refusal", async () => {
    for (const path of [
      "/admin/cleanup/delete-all",
      "/admin/cleanup/delete-all?dryRun=true",
      "/admin/dev/seed",
      "/admin/dev/locks/1001/activity",
      "/admin/dev/job-pace",
    ]) {
      const res = await asStaff(path, { method: "POST" });
      expect(res.status, path).toBe(403);
      expect(await res.json()).toMatchObject({ error: "Forbidden", code: 403 });
    }
    const audit = await (await asStaff("/admin/audit?action=delete-all")).json();
    expect(audit).toMatchObject({
      items: [
        { outcome: "refused", environment: "stage", targetId: "stage" },
        { outcome: "refused", environment: "stage", targetId: "stage" },
      ],
    });
  });
});
