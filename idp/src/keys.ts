import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface IdpKeys {
  /** Private signing keys (JWK, ES256) for ID tokens and access tokens; the public halves are served at /jwks. */
  jwks: { keys: Record<string, unknown>[] };
  /** Keys that sign the provider's cookies. */
  cookieKeys: string[];
}

function generate(): IdpKeys {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = privateKey.export({ format: "jwk" });
  const kid = `dev-${randomBytes(6).toString("hex")}`;
  return {
    jwks: { keys: [{ ...jwk, kid, alg: "ES256", use: "sig" }] },
    cookieKeys: [randomBytes(32).toString("base64url")],
  };
}

/**
 * The provider's keys: read from `file` when it exists, else made and (with a file) kept there,
 * so a restart of `npm start` keeps the signatures of tokens it issued before valid.
 *
 * @example
 * const keys = loadOrCreateKeys(".state/local/idp-keys.json");
 */
export function loadOrCreateKeys(file: string | undefined): IdpKeys {
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as IdpKeys;
  const keys = generate();
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  }
  return keys;
}
