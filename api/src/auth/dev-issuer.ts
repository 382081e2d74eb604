import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  SignJWT,
} from "jose";
import type { Config } from "../config.ts";
import type { DevAccount } from "./dev-accounts.ts";

/** ES256 only: the allowlist in jwt.ts also admits RS256 for external issuers. */
const DEV_ALG = "ES256";
const TOKEN_LIFETIME_SECONDS = 60 * 60;
/** The dev issuer's `iss`: apart from JWT_ISSUER, which in `npm start` names the local OpenID provider. */
export const DEV_ISSUER = "https://dev-issuer.cleanup-console.local";

type DevKey = { kid: string; privateKey: CryptoKey; publicJwk: JWK };

// Per isolate: the key pair is generated once, persisted in D1 and reused, so every isolate
// (and every restart of `wrangler dev --persist-to`) signs and verifies with the same key.
const keys = new WeakMap<D1Database, Promise<DevKey>>();

/**
 * The dev issuer's signing key, created on first use.
 *
 * @example
 * const { kid, privateKey } = await devSigningKey(env.DB);
 */
export function devSigningKey(db: D1Database): Promise<DevKey> {
  let key = keys.get(db);
  if (!key) {
    key = loadOrCreateKey(db);
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

async function loadOrCreateKey(db: D1Database): Promise<DevKey> {
  const existing = await readKey(db);
  if (existing) return existing;
  const { privateKey, publicKey } = await generateKeyPair(DEV_ALG, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), alg: DEV_ALG, use: "sig" };
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = await exportJWK(privateKey);
  // Two isolates may race here; the first insert wins and both read it back.
  await db
    .prepare(
      "INSERT OR IGNORE INTO dev_issuer_keys (kid, private_jwk, public_jwk, created_at) VALUES (?1, ?2, ?3, ?4)",
    )
    .bind(kid, JSON.stringify(privateJwk), JSON.stringify({ ...publicJwk, kid }), new Date().toISOString())
    .run();
  const stored = await readKey(db);
  if (!stored) throw new Error("The dev issuer key could not be stored");
  return stored;
}

async function readKey(db: D1Database): Promise<DevKey | null> {
  const row = await db
    .prepare("SELECT kid, private_jwk, public_jwk FROM dev_issuer_keys ORDER BY created_at, kid LIMIT 1")
    .first<{ kid: string; private_jwk: string; public_jwk: string }>();
  if (!row) return null;
  const privateKey = (await importJWK(JSON.parse(row.private_jwk) as JWK, DEV_ALG)) as CryptoKey;
  return { kid: row.kid, privateKey, publicJwk: JSON.parse(row.public_jwk) as JWK };
}

/** The public key set served at `/.well-known/jwks.json` and trusted by the dev api. */
export async function devJwks(db: D1Database): Promise<JSONWebKeySet> {
  const { publicJwk } = await devSigningKey(db);
  return { keys: [publicJwk] };
}

/** Signs a one-hour token for a seeded account. */
export async function issueDevToken(
  db: D1Database,
  config: Config,
  account: DevAccount,
): Promise<{ token: string; expiresAt: string }> {
  const { kid, privateKey } = await devSigningKey(db);
  const now = Math.floor(Date.now() / 1000);
  const exp = now + TOKEN_LIFETIME_SECONDS;
  const token = await new SignJWT({
    email: account.email,
    email_verified: true,
    name: account.name,
    permissions: account.permissions,
  })
    .setProtectedHeader({ alg: DEV_ALG, kid, typ: "JWT" })
    .setSubject(account.sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(config.jwtAudience)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .sign(privateKey);
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}
