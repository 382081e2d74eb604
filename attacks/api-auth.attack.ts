// The api's credentials: admin key headers, JWT checks, issuer confusion between the dev issuer and
// the provider, lookalike and unverified emails. Tokens are forged with the keys the local state
// holds (the dev issuer's in D1, the provider's in STATE_DIR/idp-keys.json), so every claim can be
// varied while the signature stays valid.
// node attacks/api-auth.attack.ts
import type { webcrypto } from "node:crypto";
import {
  ADMIN_KEY,
  API,
  api,
  claims,
  DEV_ISSUER,
  devIssuerKey,
  devToken,
  IDP,
  idpKey,
  type JsonWebKey,
  signEs256,
  signHs256,
  summary,
  unsigned,
  verdict,
} from "./lib.ts";

await devToken("support@smartphonekey.com"); // makes sure the dev key exists
const devKey = devIssuerKey();
const provKey = idpKey();
const PROVIDER = IDP.replace("localhost", "localhost"); // the provider's issuer as npm start sets it
const now = Math.floor(Date.now() / 1000);
const attackerPair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
  "sign",
  "verify",
])) as webcrypto.CryptoKeyPair;
const attacker = { ...(await crypto.subtle.exportKey("jwk", attackerPair.privateKey)), kid: "attacker" };

/** A harmless admin read: 200 means the token passed as staff. */
async function asStaff(token: string, extra: Record<string, string> = {}) {
  return api("GET", "/admin/environment", {
    Authorization: `Bearer ${token}`,
    "X-Admin-API-Key": ADMIN_KEY,
    ...extra,
  });
}

// Baselines: both issuers' genuine-looking tokens pass.
{
  const dev = await signEs256(devKey, claims());
  verdict((await asStaff(dev)).status === 200, "baseline: a dev-issuer staff token passes");
  const prov = await signEs256(provKey, claims({ iss: PROVIDER }), { typ: "at+jwt" });
  verdict((await asStaff(prov)).status === 200, "baseline: a provider staff token passes");
}

const pubOf = (k: JsonWebKey) => ({ kty: k.kty, crv: k.crv, x: k.x, y: k.y });
const cases: [string, () => Promise<string>][] = [
  ["alg none", async () => unsigned(claims())],
  ["alg None", async () => unsigned(claims(), { alg: "None" })],
  ["alg none with kid", async () => unsigned(claims(), { alg: "none", kid: devKey.kid })],
  [
    "HS256 keyed with the dev public JWK JSON",
    async () =>
      signHs256(new TextEncoder().encode(JSON.stringify(pubOf(devKey))), claims(), { kid: devKey.kid }),
  ],
  [
    "HS256 keyed with the dev public key's x coordinate",
    async () => signHs256(Buffer.from(devKey.x!, "base64url"), claims(), { kid: devKey.kid }),
  ],
  [
    "HS256 keyed with the provider's public JWK (iss provider)",
    async () =>
      signHs256(new TextEncoder().encode(JSON.stringify(pubOf(provKey))), claims({ iss: PROVIDER }), {
        kid: provKey.kid,
      }),
  ],
  ["dev key, iss provider, dev kid", async () => signEs256(devKey, claims({ iss: PROVIDER }))],
  [
    "dev key, iss provider, provider's kid",
    async () => signEs256({ ...devKey, kid: provKey.kid }, claims({ iss: PROVIDER })),
  ],
  [
    "dev key, iss provider, no kid",
    async () => signEs256({ ...devKey, kid: undefined } as never, claims({ iss: PROVIDER })),
  ],
  ["provider key, iss dev issuer", async () => signEs256(provKey, claims({ iss: DEV_ISSUER }))],
  [
    "provider key, iss dev issuer, dev kid",
    async () => signEs256({ ...provKey, kid: devKey.kid }, claims({ iss: DEV_ISSUER })),
  ],
  ["dev key, iss as array [dev]", async () => signEs256(devKey, claims({ iss: [DEV_ISSUER] }))],
  ["dev key, iss dev + trailing slash", async () => signEs256(devKey, claims({ iss: `${DEV_ISSUER}/` }))],
  ["dev key, iss missing", async () => signEs256(devKey, claims({ iss: undefined }))],
  [
    "attacker key, its own public jwk embedded in the header",
    async () => signEs256(attacker, claims(), { jwk: pubOf(attacker) }),
  ],
  [
    "attacker key, dev kid, jku to the attacker",
    async () => signEs256({ ...attacker, kid: devKey.kid }, claims(), { jku: "https://evil.example/jwks" }),
  ],
  [
    "attacker key, provider kid, x5u",
    async () =>
      signEs256({ ...attacker, kid: provKey.kid }, claims({ iss: PROVIDER }), {
        x5u: "https://evil.example/c",
      }),
  ],
  ["dev key, crit unknown", async () => signEs256(devKey, claims(), { crit: ["x-evil"], "x-evil": 1 })],
  ["dev key, aud wrong", async () => signEs256(devKey, claims({ aud: "another-api" }))],
  ["dev key, aud client id (an ID token)", async () => signEs256(devKey, claims({ aud: "cleanup-console" }))],
  ["dev key, exp past (-120 s)", async () => signEs256(devKey, claims({ exp: now - 120 }))],
  ["dev key, exp missing", async () => signEs256(devKey, claims({ exp: undefined }))],
  ["dev key, exp as string", async () => signEs256(devKey, claims({ exp: String(now + 600) }))],
  ["dev key, nbf future (+120 s)", async () => signEs256(devKey, claims({ nbf: now + 120 }))],
  ["dev key, iat future (+120 s)", async () => signEs256(devKey, claims({ iat: now + 120 }))],
  ["dev key, iat missing", async () => signEs256(devKey, claims({ iat: undefined }))],
  ["dev key, iat as string", async () => signEs256(devKey, claims({ iat: String(now) }))],
  ["dev key, email_verified false", async () => signEs256(devKey, claims({ email_verified: false }))],
  ["dev key, email_verified 'true'", async () => signEs256(devKey, claims({ email_verified: "true" }))],
  ["dev key, email_verified missing", async () => signEs256(devKey, claims({ email_verified: undefined }))],
  ...[
    "mallory@smartphonekey.com.evil.example",
    "x@evilsmartphonekey.com",
    "x@smartphonekey.com@evil.example",
    '"x@smartphonekey.com"@evil.example',
    "x@smartphonekey.com.",
    "x@sub.smartphonekey.com",
    "x@smartphonekey.com ",
    " x@smartphonekey.com",
    "x@smartphonekey.com\u0000",
    "x@smartphonekey.com\n",
    "x@smartphoneke\u0443.com", // Cyrillic у
    "x@smartphone\u212Aey.com", // Kelvin sign, lower-cases to k
    "x@ｓmartphonekey.com", // full-width s
    "x@smartphonekey.com\u200b",
    "x@xn--smartphonekey-.com",
    "@smartphonekey.com",
    "x@SMARTPHONEKEY.COM.evil.example",
    "x(comment)@smartphonekey.com",
    "x@[127.0.0.1]",
  ].map((email): [string, () => Promise<string>] => [
    `dev key, lookalike email ${JSON.stringify(email)}`,
    async () => signEs256(devKey, claims({ email })),
  ]),
];
for (const [what, make] of cases) {
  const r = await asStaff(await make());
  verdict(
    r.status === 401 || r.status === 403,
    `${what} → ${r.status}`,
    r.status < 300 ? r.text.slice(0, 100) : "",
  );
}
// Case tricks that should pass (ASCII case does not matter)
for (const email of ["Support@SmartphoneKey.COM", "x@SMARTPHONEKEY.COM"]) {
  const r = await asStaff(await signEs256(devKey, claims({ email })));
  verdict(r.status === 200, `ASCII case ${email} is staff → ${r.status}`);
}
// Malformed Authorization headers
for (const h of [
  "Bearer",
  "Bearer ",
  "bearer x.y.z",
  "Basic abc",
  "Bearer a.b.c d",
  `Bearer ${"a".repeat(20000)}`,
  "Bearer ...",
]) {
  const r = await api("GET", "/admin/environment", { Authorization: h, "X-Admin-API-Key": ADMIN_KEY });
  verdict(
    r.status === 401 || r.status === 400,
    `Authorization ${JSON.stringify(h.slice(0, 30))} → ${r.status}`,
  );
}

// Admin key headers.
const staff = await devToken("support@smartphonekey.com");
const keyCases: [string, Record<string, string>, number][] = [
  ["right X-Admin-API-Key", { "X-Admin-API-Key": ADMIN_KEY }, 200],
  ["right X-API-Key", { "X-API-Key": ADMIN_KEY }, 200],
  ["both right", { "X-Admin-API-Key": ADMIN_KEY, "X-API-Key": ADMIN_KEY }, 200],
  ["right + wrong alias", { "X-Admin-API-Key": ADMIN_KEY, "X-API-Key": "wrong" }, 401],
  ["wrong + right alias", { "X-Admin-API-Key": "wrong", "X-API-Key": ADMIN_KEY }, 401],
  ["right + empty alias", { "X-Admin-API-Key": ADMIN_KEY, "X-API-Key": "" }, 401],
  ["key with trailing space", { "X-Admin-API-Key": `${ADMIN_KEY} ` }, 200], // HTTP trims OWS
  ["key with a prefix", { "X-Admin-API-Key": `x${ADMIN_KEY}` }, 401],
  ["key prefix only", { "X-Admin-API-Key": ADMIN_KEY.slice(0, -1) }, 401],
  ["key upper-cased", { "X-Admin-API-Key": ADMIN_KEY.toUpperCase() }, 401],
  ["key twice comma-joined", { "X-Admin-API-Key": `${ADMIN_KEY}, ${ADMIN_KEY}` }, 401],
  ["no key", {}, 401],
];
for (const [what, headers, want] of keyCases) {
  const r = await api("GET", "/admin/environment", { Authorization: `Bearer ${staff}`, ...headers });
  verdict(r.status === want, `admin key: ${what} → ${r.status} (want ${want})`);
}
// Key without a token, token without key, non-staff with key.
{
  const r1 = await api("GET", "/admin/environment", { "X-Admin-API-Key": ADMIN_KEY });
  verdict(r1.status === 401, `admin key alone → ${r1.status}`);
  const r2 = await api("GET", "/admin/environment", { Authorization: `Bearer ${staff}` });
  verdict(r2.status === 401, `staff token alone → ${r2.status}`);
  const alice = await devToken("alice@example.com");
  const r3 = await api("GET", "/admin/environment", {
    Authorization: `Bearer ${alice}`,
    "X-Admin-API-Key": ADMIN_KEY,
  });
  verdict(r3.status === 403, `non-staff token + key → ${r3.status}`);
  const mallory = await devToken("mallory@smartphonekey.com.evil.example");
  const r4 = await api("GET", "/admin/environment", {
    Authorization: `Bearer ${mallory}`,
    "X-Admin-API-Key": ADMIN_KEY,
  });
  verdict(r4.status === 403, `mallory (seeded lookalike) + key → ${r4.status}`);
  // The dev issuer's lookup lower-cases with JavaScript's full Unicode rules: Kelvin sign K.
  const kelvin = await fetch(`${API}/auth/dev/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: "support@smartphone\u212Aey.com", password: "dev-password" }),
  });
  verdict(
    kelvin.status === 401,
    `dev issuer: "support@smartphone\\u212Aey.com" (Kelvin sign) → ${kelvin.status}`,
    kelvin.status === 200
      ? "a non-ASCII spelling is accepted as the staff account (token email is canonical)"
      : "",
  );
}
// Constant time: a rough timing comparison (not proof; the code hashes both sides first).
{
  const sample = async (key: string) => {
    const t: number[] = [];
    for (let i = 0; i < 40; i++) {
      const s = performance.now();
      await api("GET", "/admin/environment", { Authorization: `Bearer ${staff}`, "X-Admin-API-Key": key });
      t.push(performance.now() - s);
    }
    t.sort((a, b) => a - b);
    return t[20]!;
  };
  const a = await sample(`${ADMIN_KEY.slice(0, -1)}X`);
  const b = await sample("Xev-admin-key");
  console.log(
    `          median ms: last char wrong ${a.toFixed(2)}, first char wrong ${b.toFixed(2)} (ratio ${(a / b).toFixed(2)})`,
  );
}
summary();
