import { DevTokenResponse } from "@cleanup/shared";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { MAX_DEV_TOKEN_FAILURES_PER_ACCOUNT } from "../src/auth/dev-token-throttle.ts";
import { AUDIENCE, call, ISSUER, json, PASSWORD } from "./helpers.ts";

const login = (body: unknown) =>
  call("/auth/dev/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

describe("the dev identity issuer", () => {
  it("issues a one-hour ES256 token for a seeded staff account", async () => {
    const res = await login({ email: "support@smartphonekey.com", password: PASSWORD });
    expect(res.status).toBe(200);
    const { token, expiresAt } = DevTokenResponse.parse(await res.json());
    const claims = decodeJwt(token);
    expect(decodeProtectedHeader(token).alg).toBe("ES256");
    expect(claims).toMatchObject({
      email: "support@smartphonekey.com",
      email_verified: true,
      iss: ISSUER,
      aud: AUDIENCE,
      permissions: ["SECRETS:MANAGE", "SECRETS:DEPLOY_UNDEPLOY"],
    });
    expect(typeof claims.name).toBe("string");
    expect(typeof claims.sub).toBe("string");
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(Date.parse(expiresAt)).toBe(claims.exp! * 1000);
  });

  it("serves the public key that verifies its tokens", async () => {
    const { token } = await json<{ token: string }>(
      await login({ email: "alice@example.com", password: PASSWORD }),
    );
    const res = await call("/.well-known/jwks.json");
    expect(res.status).toBe(200);
    const jwks = await json<{ keys: Record<string, unknown>[] }>(res);
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty("d");
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks as never), {
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    expect(payload.email).toBe("alice@example.com");
  });

  it.each([
    "admin@smartphonekey.com",
    "alice@example.com",
    "owner@acme.example",
    "mallory@smartphonekey.com.evil.example",
  ])("knows the seeded account %s", async (email) => {
    expect((await login({ email, password: PASSWORD })).status).toBe(200);
  });

  it("refuses a wrong password and an unknown account with 401", async () => {
    for (const body of [
      { email: "support@smartphonekey.com", password: "wrong" },
      { email: "nobody@smartphonekey.com", password: PASSWORD },
    ]) {
      const res = await login(body);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "Unauthorized", code: 401 });
    }
  });

  it("folds ASCII case only: a Kelvin sign (U+212A) for the k of smartphonekey is another address", async () => {
    const upper = await login({ email: " SUPPORT@SmartphoneKey.COM", password: PASSWORD });
    expect(upper.status).toBe(200);
    const { token } = (await upper.json()) as { token: string };
    expect(decodeJwt(token).email).toBe("support@smartphonekey.com");
    for (const email of ["support@smartphone\u212Aey.com", "SUPPORT@SMARTPHONE\u212AEY.COM"]) {
      const res = await login({ email, password: PASSWORD });
      expect(res.status, email).toBe(401);
    }
  });

  it("throttles wrong passwords per account and source, as the provider does (5 in 15 minutes)", async () => {
    const email = "admin@smartphonekey.com";
    const from = (address: string, password: string, extra: Record<string, string> = {}) =>
      call("/auth/dev/token", {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": address, ...extra },
        body: JSON.stringify({ email, password }),
      });
    // A fresh X-Forwarded-For per attempt is not a fresh source.
    const statuses = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await from("203.0.113.9", "wrong", { "X-Forwarded-For": `198.18.0.${i}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const held = await from("203.0.113.9", PASSWORD);
    expect(held.status).toBe(429);
    expect(Number(held.headers.get("Retry-After"))).toBeGreaterThan(60);
    expect(await held.json()).toMatchObject({ error: "Too Many Requests", code: 429 });
    // Another address, and another account, are not held back.
    expect((await from("203.0.113.10", PASSWORD)).status).toBe(200);
    expect((await login({ email: "support@smartphonekey.com", password: PASSWORD })).status).toBe(200);
  });

  it("bounds the guesses of an account whatever sources a caller makes up (CF-Connecting-IP is passed on in wrangler dev)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < MAX_DEV_TOKEN_FAILURES_PER_ACCOUNT + 3; i++) {
      const res = await call("/auth/dev/token", {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": `198.18.${i >> 8}.${i & 255}` },
        body: JSON.stringify({ email: "secrets@acme.example", password: "wrong" }),
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_DEV_TOKEN_FAILURES_PER_ACCOUNT);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
  });

  it("gives a burst of concurrent wrong passwords no more answers than a sequence, and right ones no limit", async () => {
    const burst = await Promise.all(
      Array.from({ length: 20 }, () =>
        call("/auth/dev/token", {
          method: "POST",
          headers: { "Content-Type": "application/json", "CF-Connecting-IP": "203.0.113.11" },
          body: JSON.stringify({ email: "owner@acme.example", password: "wrong" }),
        }),
      ),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const parallel = await Promise.all(
      Array.from({ length: 20 }, () => login({ email: "alice@example.com", password: PASSWORD })),
    );
    expect(new Set(parallel.map((r) => r.status))).toEqual(new Set([200]));
  });

  it("answers a malformed body with a 400 naming the field", async () => {
    const res = await login({ email: "support@smartphonekey.com" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: "Bad Request",
      code: 400,
      details: [{ field: "password", message: "is required" }],
    });
    const notJson = await call("/auth/dev/token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: 400, details: [{ field: "body" }] });
  });
});
