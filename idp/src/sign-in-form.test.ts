import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIdpConfig } from "./config.ts";
import { FORWARDED_FOR_PROOF, forwardedForProof } from "./forwarded-for.ts";
import { MAX_FAILED_SIGN_INS } from "./login-throttle.ts";
import { createIdp } from "./provider.ts";

// The provider's own sign-in form, served by the real provider on a local port: where passwords
// are checked and throttled per account and client address. Which address that is must not be
// the caller's to choose (review finding 6a): X-Forwarded-For counts only with the client's proof.

const SECRET = "idp-test-client-secret-0123456789";
const BFF = "http://localhost:3998";
let server: Server;
let issuer: string;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  issuer = `http://localhost:${port}`;
  const config = loadIdpConfig({ IDP_PORT: String(port), OIDC_CLIENT_SECRET: SECRET, BFF_PUBLIC_URL: BFF });
  const idp = createIdp(config);
  server.on("request", (req, res) => void idp.handle(req, res));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Starts a sign-in as a browser would and returns the form's URL with the cookies it set. */
async function signInForm(): Promise<{ form: URL; uid: string; cookie: string }> {
  const verifier = randomBytes(32).toString("base64url");
  const authorization = new URL("/auth", issuer);
  authorization.search = new URLSearchParams({
    client_id: "cleanup-console",
    response_type: "code",
    redirect_uri: `${BFF}/bff/callback`,
    scope: "openid email",
    state: randomBytes(8).toString("hex"),
    nonce: randomBytes(8).toString("hex"),
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();
  const res = await fetch(authorization, { redirect: "manual" });
  const page = new URL(res.headers.get("Location")!, issuer);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { form: new URL(`${page.pathname}/login`, issuer), uid: page.pathname.split("/").at(-1)!, cookie };
}

type Form = Awaited<ReturnType<typeof signInForm>>;
/** Posts one sign-in; `forwarded` adds X-Forwarded-For, `proof` its proof (a function of the uid). */
async function post(
  email: string,
  password: string,
  forwarded?: string,
  proof?: (uid: string, address: string) => string,
  started?: Form,
): Promise<number> {
  const { form, uid, cookie } = started ?? (await signInForm());
  const headers: Record<string, string> = {
    "Content-Type": "application/x-www-form-urlencoded",
    Cookie: cookie,
  };
  if (forwarded) headers["X-Forwarded-For"] = forwarded;
  if (forwarded && proof) headers[FORWARDED_FOR_PROOF] = proof(uid, forwarded);
  const res = await fetch(form, {
    method: "POST",
    headers,
    body: new URLSearchParams({ email, password }).toString(),
    redirect: "manual",
  });
  return res.status;
}

const proven = (uid: string, address: string) => forwardedForProof(SECRET, uid, address);

describe("the provider's sign-in form", () => {
  it("takes five wrong passwords in one sign-in, whatever accounts and addresses they name, then wants a new one", async () => {
    const started = await signInForm();
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS + 2; i++) {
      statuses.push(await post(`nobody-${i}@example.com`, "wrong", `198.18.2.${i}`, proven, started));
    }
    expect(statuses).toEqual([...Array(MAX_FAILED_SIGN_INS).fill(401), 429, 429]);
  });

  it("ignores an unproven X-Forwarded-For: a fresh one per attempt is throttled as the same client", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(await post("admin@smartphonekey.com", "wrong", `198.18.0.${i}`));
    expect(statuses.slice(0, MAX_FAILED_SIGN_INS)).toEqual(Array(MAX_FAILED_SIGN_INS).fill(401));
    expect(new Set(statuses.slice(MAX_FAILED_SIGN_INS))).toEqual(new Set([429]));
  });

  it("ignores one with a wrong proof, or a proof made for another sign-in or address", async () => {
    const forged = [
      () => "not-a-proof",
      (_uid: string, address: string) => forwardedForProof("some-other-secret-0123456789", _uid, address),
      (_uid: string, address: string) => forwardedForProof(SECRET, "another-sign-in", address),
      (uid: string) => forwardedForProof(SECRET, uid, "198.18.1.99"),
    ];
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push(await post("alice@example.com", "wrong", `198.18.1.${i}`, forged[i % 4]));
    expect(statuses.slice(MAX_FAILED_SIGN_INS)).toEqual(Array(8 - MAX_FAILED_SIGN_INS).fill(429));
  });

  it("believes a proven address: a flood from it never locks the account out for another address", async () => {
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect(await post("support@smartphonekey.com", "wrong", "203.0.113.7", proven)).toBe(401);
    }
    expect(await post("support@smartphonekey.com", "dev-password", "203.0.113.7", proven)).toBe(429);
    // Signed in from elsewhere: the provider redirects on (303) towards the console.
    expect(await post("support@smartphonekey.com", "dev-password", "198.51.100.20", proven)).toBe(303);
  });
});
