import { exports } from "cloudflare:workers";
import { type SystemEvent, SystemEventListResponse } from "@cleanup/shared";
import { generateKeyPair, SignJWT } from "jose";
import { beforeAll } from "vitest";

export const ADMIN_KEY = "dev-admin-key";
export const PASSWORD = "dev-password";
export const ISSUER = "https://dev-issuer.cleanup-console.local";
export const AUDIENCE = "cleanup-console-admin-api";

/** Calls the Worker's own fetch handler, as an HTTP client would. */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`https://api.test${path}`, init));
}

/** A token from the dev issuer for a seeded account. */
export async function tokenFor(email = "support@smartphonekey.com"): Promise<string> {
  const res = await call("/auth/dev/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`token for ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Headers of an authorised staff call. */
export function staffHeaders(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `Bearer ${token}`, "X-Admin-API-Key": ADMIN_KEY, ...extra };
}

/** Calls an admin route as support staff. */
export async function staffCall(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const token = await tokenFor();
  return call(path, { ...init, headers: staffHeaders(token, init.headers) });
}

/** Seeds the (small, SEED_SCALE=0.2) demo data set once per test file's storage. */
export async function seed(): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  const res = await staffCall("/admin/dev/seed", { method: "POST" });
  if (res.status !== 200) throw new Error(`seed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Signs a token with a key the api has never seen (or with the given claims and header). */
export async function foreignToken(
  claims: Record<string, unknown> = {},
  options: { expiresIn?: string | number; issuer?: string; audience?: string } = {},
): Promise<string> {
  const { privateKey } = await generateKeyPair("ES256");
  return new SignJWT({ email: "support@smartphonekey.com", email_verified: true, ...claims })
    .setProtectedHeader({ alg: "ES256", kid: "foreign" })
    .setSubject("someone")
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "1h")
    .sign(privateKey);
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** Signs with the dev issuer's real key, so only the claims decide the outcome. */
export async function devSignedToken(
  claims: Record<string, unknown>,
  options: { issuer?: string; audience?: string; expiresAt?: number; issuedAt?: number } = {},
): Promise<string> {
  const { devSigningKey } = await import("../src/auth/dev-issuer.ts");
  const { env } = await import("cloudflare:workers");
  const { kid, privateKey } = await devSigningKey(env.DB);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email_verified: true, ...claims })
    .setProtectedHeader({ alg: "ES256", kid })
    .setSubject("someone")
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt(options.issuedAt ?? now - 120)
    .setExpirationTime(options.expiresAt ?? now + 600)
    .sign(privateKey);
}

export type SeededLock = {
  lock_id: number;
  uuid: string;
  name: string;
  event_count: number;
  key_assignments: number;
};

/** Seeded locks with their event and key-assignment counts, most events first. */
export async function seededLocks(): Promise<SeededLock[]> {
  const { env } = await import("cloudflare:workers");
  const { results } = await env.DB.prepare(
    `SELECT l.lock_id, l.uuid, l.name, COALESCE(a.event_count, 0) AS event_count,
            (SELECT COUNT(*) FROM key_assignments k WHERE k.lock_id = l.lock_id) AS key_assignments
     FROM locks l LEFT JOIN aggregates a ON a.kind = 'lock' AND a.id = l.uuid
     ORDER BY event_count DESC, l.lock_id`,
  ).all<SeededLock>();
  return results;
}

/**
 * Seeds before the file's tests run and returns the list they read the seeded locks from (filled
 * by then; most events first).
 */
export function seedLocksBeforeAll(): SeededLock[] {
  const locks: SeededLock[] = [];
  beforeAll(async () => {
    await seed();
    locks.push(...(await seededLocks()));
  });
  return locks;
}

/** Row counts a deletion may touch, to prove a refused request deleted nothing. */
export async function dataFingerprint(): Promise<Record<string, number>> {
  const { env } = await import("cloudflare:workers");
  const row = await env.DB.prepare(
    `SELECT (SELECT COUNT(*) FROM locks) AS locks, (SELECT COUNT(*) FROM hubs) AS hubs,
            (SELECT COUNT(*) FROM key_assignments) AS keyAssignments, (SELECT COUNT(*) FROM temp_keys) AS tempKeys,
            (SELECT COUNT(*) FROM aggregates) AS aggregates`,
  ).first<Record<string, number>>();
  const objects = await env.EVENTS.list({ prefix: "events/" });
  return { ...row!, eventObjects: objects.objects.length };
}

export function deleteLock(lockId: string | number, query: string, headers: Record<string, string> = {}) {
  return staffCall(`/admin/cleanup/locks/${lockId}${query ? `?${query}` : ""}`, {
    method: "DELETE",
    headers,
  });
}

/**
 * Polls `GET /admin/system-events` until the queue consumer has recorded a matching event
 * (delivery is asynchronous: the batch timeout is one second).
 */
export async function waitForSystemEvent(match: (e: SystemEvent) => boolean, timeoutMs = 15_000) {
  const token = await tokenFor();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await call("/admin/system-events?limit=200", { headers: staffHeaders(token) });
    const found = SystemEventListResponse.parse(await res.json()).items.find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error("no matching system event was recorded");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
