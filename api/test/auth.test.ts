import { describe, expect, it } from "vitest";
import {
  ADMIN_KEY,
  AUDIENCE,
  call,
  devSignedToken,
  foreignToken,
  ISSUER,
  json,
  staffHeaders,
  tokenFor,
} from "./helpers.ts";

const ROUTE = "/admin/environment";
const b64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

async function withToken(token: string, headers: Record<string, string> = { "X-Admin-API-Key": ADMIN_KEY }) {
  return call(ROUTE, { headers: { Authorization: `Bearer ${token}`, ...headers } });
}

describe("admin routes require the admin key and a verified staff JWT", () => {
  it("let support staff in with either admin key header", async () => {
    const token = await tokenFor("support@smartphonekey.com");
    expect((await withToken(token, { "X-Admin-API-Key": ADMIN_KEY })).status).toBe(200);
    expect((await withToken(token, { "X-API-Key": ADMIN_KEY })).status).toBe(200);
  });

  it("refuse a missing or wrong admin key with 401", async () => {
    const token = await tokenFor();
    const badHeaders: Record<string, string>[] = [
      {},
      { "X-Admin-API-Key": "wrong" },
      { "X-API-Key": `${ADMIN_KEY}x` },
    ];
    for (const headers of badHeaders) {
      const res = await withToken(token, headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: "Unauthorized", message: expect.any(String), code: 401 });
    }
  });

  it("refuse X-Admin-API-Key and X-API-Key that disagree with 401, whichever of them is right", async () => {
    const token = await tokenFor();
    for (const headers of [
      { "X-Admin-API-Key": ADMIN_KEY, "X-API-Key": "wrong" },
      { "X-Admin-API-Key": "wrong", "X-API-Key": ADMIN_KEY },
      { "X-Admin-API-Key": ADMIN_KEY, "X-API-Key": `${ADMIN_KEY}x` },
    ]) {
      const res = await withToken(token, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(await res.json()).toEqual({
        error: "Unauthorized",
        message: "X-Admin-API-Key and X-API-Key disagree",
        code: 401,
      });
    }
    expect((await withToken(token, { "X-Admin-API-Key": ADMIN_KEY, "X-API-Key": ADMIN_KEY })).status).toBe(
      200,
    );
    const bothWrong = await withToken(token, { "X-Admin-API-Key": "wrong", "X-API-Key": "wrong" });
    expect(await bothWrong.json()).toMatchObject({ message: "Invalid admin API key" });
  });

  it("refuse a token issued more than 60 s in the future with 401, and allow 60 s of skew", async () => {
    const now = Math.floor(Date.now() / 1000);
    const email = "support@smartphonekey.com";
    const future = (iat: number, nbf?: number) =>
      devSignedToken(
        { email, ...(nbf === undefined ? {} : { nbf }) },
        { issuedAt: iat, expiresAt: iat + 3600 },
      );
    for (const [name, token] of [
      ["issued a year ahead", await future(now + 365 * 24 * 3600)],
      ["issued two minutes ahead", await future(now + 120)],
    ] as const) {
      const res = await withToken(token);
      expect(res.status, name).toBe(401);
      expect(await res.json(), name).toMatchObject({ message: 'Token claim "iat" is in the future' });
    }
    expect((await withToken(await future(now + 30))).status).toBe(200);
    const notYet = await withToken(await future(now, now + 120));
    expect(notYet.status).toBe(401);
    expect((await withToken(await future(now, now + 30))).status).toBe(200);
  });

  it("refuse a missing token with 401", async () => {
    const res = await call(ROUTE, { headers: { "X-Admin-API-Key": ADMIN_KEY } });
    expect(res.status).toBe(401);
    expect(await json(res)).toMatchObject({ error: "Unauthorized", code: 401 });
  });

  it("refuse tokens that are forged, unsigned, expired or meant for someone else with 401", async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64url({ alg: "none", typ: "JWT" })}.${b64url({
      email: "support@smartphonekey.com",
      email_verified: true,
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now,
      exp: now + 600,
    })}.`;
    const cases: Record<string, string> = {
      "signed by another key": await foreignToken(),
      "alg none": unsigned,
      expired: await devSignedToken({ email: "support@smartphonekey.com" }, { expiresAt: now - 90 }),
      "wrong audience": await devSignedToken(
        { email: "support@smartphonekey.com" },
        { audience: "other-api" },
      ),
      "wrong issuer": await devSignedToken(
        { email: "support@smartphonekey.com" },
        { issuer: "https://evil.example" },
      ),
      garbage: "not-a-jwt",
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await withToken(token);
      expect(res.status, name).toBe(401);
      expect(await json(res), name).toMatchObject({ error: "Unauthorized", code: 401 });
    }
  });

  it("refuse verified non-staff accounts with 403", async () => {
    const res = await withToken(await tokenFor("alice@example.com"));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "Forbidden", message: expect.any(String), code: 403 });
    expect((await withToken(await tokenFor("mallory@smartphonekey.com.evil.example"))).status).toBe(403);
  });

  it.each([
    "x@smartphonekey.com.evil.example",
    "x@evilsmartphonekey.com",
    "x@smartphonekey.com@evil.example",
    "x@smartphоnekey.com", // Cyrillic "о"
    "x@smartphonekey.com.",
    "x@ｓmartphonekey.com", // full-width "s"
    "x@sub.smartphonekey.com",
  ])("treat the look-alike %s as non-staff (403)", async (email) => {
    const res = await withToken(await devSignedToken({ email }));
    expect(res.status).toBe(403);
  });

  it("treat an unverified staff address as non-staff (403)", async () => {
    const res = await withToken(
      await devSignedToken({ email: "support@smartphonekey.com", email_verified: false }),
    );
    expect(res.status).toBe(403);
  });

  it("accept a staff token with a valid signature from the issuer", async () => {
    const res = await withToken(await devSignedToken({ email: "ops@smartphonekey.com" }));
    expect(res.status).toBe(200);
  });

  it("put X-Request-Id on every response, errors included", async () => {
    const token = await tokenFor();
    const responses = [
      await call("/health"),
      await call(ROUTE),
      await call("/no/such/route"),
      await call(ROUTE, { headers: staffHeaders(token) }),
    ];
    for (const res of responses) expect(res.headers.get("X-Request-Id")).toMatch(/^[\w-]{8,}$/);
    const notFound = responses[2]!;
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ error: "Not Found", code: 404 });
  });
});
