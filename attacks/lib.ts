// Helpers for the security review's attack scripts (attacks/README.md): run against a throwaway
// stack started with
//   API_PORT=8861 BFF_PORT=8862 IDP_PORT=8863 STATE_DIR=.state/attacks npm start
// Each script prints what it sent, what came back, and "HELD" or "FINDING" per probe.
import type { webcrypto } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

/** WebCrypto's JWK (not a global type under the Node typings). */
export type JsonWebKey = webcrypto.JsonWebKey;

export const ROOT = path.resolve(import.meta.dirname, "..");
export const API = process.env.ATTACK_API ?? "http://127.0.0.1:8861";
export const BFF = process.env.ATTACK_BFF ?? "http://localhost:8862";
export const IDP = process.env.ATTACK_IDP ?? "http://localhost:8863";
export const STATE = path.resolve(ROOT, process.env.ATTACK_STATE ?? ".state/attacks");
export const ADMIN_KEY = process.env.ADMIN_API_KEY ?? "dev-admin-key";
/**
 * Ports for what a script starts itself (a second bff, a second provider, a relay; the stage api of
 * jwks-down and stage-issuer): `ATTACK_EXTRA_PORTS` and the five after it (default 18861).
 */
const EXTRA_PORTS = Number(process.env.ATTACK_EXTRA_PORTS ?? 18861);
export const extraPort = (i: 0 | 1 | 2 | 3 | 4 | 5) => EXTRA_PORTS + i;
export const PASSWORD = process.env.DEV_LOGIN_PASSWORD ?? "dev-password";
/** The bff's client secret at the local provider (npm start's default): what proves X-Forwarded-For. */
export const CLIENT_SECRET = process.env.OIDC_CLIENT_SECRET ?? "dev-oidc-client-secret";

/**
 * The scripts change what they attack — real deletions, floods of refusals, audit objects edited
 * in place, a delete-all — so they run only against a throwaway stack on this machine: local
 * addresses, and a state directory of its own under `.state/` (never npm start's `.state/local`)
 * or the system's temporary directory.
 */
function requireThrowawayStack(): void {
  const local = new Set(["localhost", "127.0.0.1", "[::1]"]);
  const remote = [API, BFF, IDP].filter((u) => !local.has(new URL(u).hostname));
  const underState = path.relative(path.join(ROOT, ".state"), STATE);
  const inStateDir = underState !== "" && !underState.startsWith("..") && !path.isAbsolute(underState);
  const inTmp = !path.relative(os.tmpdir(), STATE).startsWith("..");
  const problem =
    remote.length > 0
      ? `${remote.join(", ")} is not on this machine`
      : !inStateDir && !inTmp
        ? `ATTACK_STATE ${STATE} is neither under .state/ nor in ${os.tmpdir()}`
        : underState === "local" || underState.startsWith(`local${path.sep}`)
          ? "ATTACK_STATE is npm start's own .state/local: start a throwaway stack (attacks/README.md)"
          : !existsSync(STATE)
            ? `ATTACK_STATE ${STATE} does not exist: start the stack first (attacks/README.md)`
            : null;
  if (problem) {
    console.error(`attacks: refusing to run: ${problem}`);
    process.exit(2);
  }
}
requireThrowawayStack();

let findings = 0;
let held = 0;
/** Records one probe's verdict. */
export function verdict(ok: boolean, what: string, detail = "") {
  if (ok) held++;
  else findings++;
  console.log(`${ok ? "HELD   " : "FINDING"} ${what}${detail ? `\n          ${detail}` : ""}`);
}
/** A line that is not a verdict: known, accepted behaviour the probe shows (say why). */
export function info(what: string, why: string) {
  console.log(`INFO    ${what}\n          ${why}`);
}
export function summary() {
  console.log(`\n${held} held, ${findings} findings`);
}

/** A browser-like cookie jar keyed by host (ports ignored, as browsers do), paths honoured loosely. */
export class Jar {
  readonly cookies = new Map<string, { value: string; path: string; raw: string }>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const p = attrs.map((a) => a.trim()).find((a) => /^path=/i.test(a));
      const expired = attrs.some((a) => /^max-age=0$/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, { value, path: p ? p.slice(5) : "/", raw: line });
    }
  }
  header(url: string): string {
    const { pathname } = new URL(url);
    return [...this.cookies]
      .filter(([, c]) => pathname.startsWith(c.path))
      .map(([k, c]) => `${k}=${c.value}`)
      .join("; ");
  }
  get(name: string) {
    return this.cookies.get(name)?.value;
  }
  clone(): Jar {
    const j = new Jar();
    for (const [k, v] of this.cookies) j.cookies.set(k, { ...v });
    return j;
  }
}

export async function go(jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie && !headers.has("Cookie")) headers.set("Cookie", cookie);
  const res = await fetch(url, { ...init, headers, redirect: "manual" });
  jar.take(res);
  return res;
}

export function location(res: Response, from: string): string {
  const loc = res.headers.get("Location");
  if (!loc) throw new Error(`no Location from ${from} (status ${res.status})`);
  return new URL(loc, from).href;
}

/**
 * Signs in through the bff and the provider like a browser would, stopping before the callback:
 * returns the callback URL (with code and state) so a probe can replay, tamper or use it elsewhere.
 */
export async function signInToCallback(
  jar: Jar,
  email: string,
  password = PASSWORD,
  returnTo = "/",
  extraHeaders: Record<string, string> | ((interactionUid: string) => Record<string, string>) = {},
): Promise<{ callback?: string; status: number; body?: string; loginUrl: string }> {
  const start = await go(jar, `${BFF}/bff/login?returnTo=${encodeURIComponent(returnTo)}`);
  const loginUrl = location(start, BFF);
  let url = loginUrl;
  for (let i = 0; i < 5 && !url.includes("/interaction/"); i++) url = location(await go(jar, url), url);
  await go(jar, url); // the page
  const submitted = await go(jar, `${url}/login`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(typeof extraHeaders === "function" ? extraHeaders(url.split("/").at(-1) ?? "") : extraHeaders),
    },
    body: new URLSearchParams({ email, password }).toString(),
  });
  if (submitted.status < 300 || submitted.status >= 400) {
    return { status: submitted.status, body: await submitted.text(), loginUrl };
  }
  url = location(submitted, url);
  for (let i = 0; i < 6 && !url.startsWith(`${BFF}/bff/callback`); i++)
    url = location(await go(jar, url), url);
  return { callback: url, status: 302, loginUrl };
}

/** A full sign-in through the provider; returns the jar holding the session cookie. */
export async function signIn(email = "support@smartphonekey.com", returnTo = "/"): Promise<Jar> {
  const jar = new Jar();
  const r = await signInToCallback(jar, email, PASSWORD, returnTo);
  if (!r.callback) throw new Error(`sign-in of ${email} failed: ${r.status}`);
  const res = await go(jar, r.callback);
  if (res.status !== 302 || !jar.get("__Host-cleanup_session"))
    throw new Error(`callback of ${email} gave ${res.status}`);
  return jar;
}

/** A bff call as the SPA makes it. */
export function bffApi(jar: Jar, method: string, apiPath: string, init: RequestInit = {}, env = "dev") {
  const headers = new Headers(init.headers);
  if (!headers.has("X-CSRF")) headers.set("X-CSRF", "1");
  return go(jar, `${BFF}/bff/api/${env}${apiPath}`, { ...init, method, headers });
}

export async function devToken(email: string): Promise<string> {
  const res = await fetch(`${API}/auth/dev/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`dev token for ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The api's local D1 database file (read-only use: the dev issuer's key, the audit index). */
export function d1File(): string {
  const dir = path.join(STATE, "v3/d1/miniflare-D1DatabaseObject");
  const file = readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (!file) throw new Error(`no D1 database in ${dir}`);
  return path.join(dir, file);
}

export function d1Query<T>(sql: string, ...params: (string | number)[]): T[] {
  const db = new DatabaseSync(d1File(), { readOnly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const b64u = (bytes: Uint8Array | string) =>
  Buffer.from(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes).toString("base64url");

/** Signs a JWT with an ES256 private JWK (WebCrypto's signature is already JOSE's r||s). */
export async function signEs256(
  privateJwk: JsonWebKey & { kid?: string },
  payload: Record<string, unknown>,
  header: Record<string, unknown> = {},
): Promise<string> {
  const { kid, ...jwk } = privateJwk as JsonWebKey & { kid?: string; alg?: string; use?: string };
  delete (jwk as { alg?: string }).alg;
  delete (jwk as { use?: string }).use;
  const key = await crypto.subtle.importKey("jwk", jwk, { name: "ECDSA", namedCurve: "P-256" }, false, [
    "sign",
  ]);
  const h = b64u(JSON.stringify({ alg: "ES256", typ: "JWT", ...(kid ? { kid } : {}), ...header }));
  const p = b64u(JSON.stringify(payload));
  const sig = await crypto.subtle.sign(
    { name: "ECDSA", hash: "SHA-256" },
    key,
    new TextEncoder().encode(`${h}.${p}`),
  );
  return `${h}.${p}.${b64u(new Uint8Array(sig))}`;
}

export async function signHs256(secret: Uint8Array, payload: Record<string, unknown>, header = {}) {
  const key = await crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const h = b64u(JSON.stringify({ alg: "HS256", typ: "JWT", ...header }));
  const p = b64u(JSON.stringify(payload));
  const sig = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${h}.${p}`));
  return `${h}.${p}.${b64u(new Uint8Array(sig))}`;
}

export function unsigned(
  payload: Record<string, unknown>,
  header: Record<string, unknown> = { alg: "none" },
) {
  return `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}.`;
}

export const DEV_ISSUER = "https://dev-issuer.cleanup-console.local";
export const AUDIENCE = "cleanup-console-admin-api";

/** The dev issuer's private key, as the api keeps it in local D1. */
export function devIssuerKey(): JsonWebKey & { kid: string } {
  const [row] = d1Query<{ kid: string; private_jwk: string }>(
    "SELECT kid, private_jwk FROM dev_issuer_keys ORDER BY created_at, kid LIMIT 1",
  );
  if (!row) throw new Error("no dev issuer key yet (call /auth/dev/token once)");
  return { ...(JSON.parse(row.private_jwk) as JsonWebKey), kid: row.kid };
}

/** The local provider's signing key (kept in STATE_DIR/idp-keys.json by npm start). */
export function idpKey(): JsonWebKey & { kid: string } {
  const file = JSON.parse(readFileSync(path.join(STATE, "idp-keys.json"), "utf8")) as {
    jwks: { keys: (JsonWebKey & { kid: string })[] };
  };
  return file.jwks.keys[0]!;
}

/** Standard claims for a forged token, overridable. */
export function claims(over: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: DEV_ISSUER,
    aud: AUDIENCE,
    sub: "staff-support",
    email: "support@smartphonekey.com",
    email_verified: true,
    name: "Forged",
    iat: now,
    exp: now + 600,
    ...over,
  };
}

export async function api(
  method: string,
  apiPath: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; json: unknown; text: string; headers: Headers }> {
  const res = await fetch(`${API}${apiPath}`, { method, headers, body, redirect: "manual" });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

export const staffHeaders = (token: string) => ({
  Authorization: `Bearer ${token}`,
  "X-Admin-API-Key": ADMIN_KEY,
});
