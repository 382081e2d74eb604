import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Session } from "./types.ts";

/** `__Host-`: Secure, Path=/ and no Domain, so no sibling host can set or read it. */
export const SESSION_COOKIE = "__Host-cleanup_session";
const IV_BYTES = 12;
const AAD = new TextEncoder().encode(SESSION_COOKIE);

/**
 * Seals sessions into the cookie with AES-256-GCM; the key is derived from SESSION_SECRET with HKDF,
 * so every replica given the same secret reads every other replica's cookies.
 *
 * @example
 * const box = await createSessionBox(config.sessionSecret);
 * const value = await box.seal(session); // opaque base64url
 * await box.open(value); // the session, or undefined when tampered, foreign or malformed
 */
export async function createSessionBox(secret: string) {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), "HKDF", false, [
    "deriveKey",
  ]);
  const key = await crypto.subtle.deriveKey(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: new TextEncoder().encode("cleanup-console/bff"),
      info: new TextEncoder().encode("session-cookie/v1"),
    },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
  return {
    async seal(session: Session): Promise<string> {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const plain = new TextEncoder().encode(JSON.stringify(session));
      const sealed = new Uint8Array(
        await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: AAD }, key, plain),
      );
      const out = new Uint8Array(IV_BYTES + sealed.length);
      out.set(iv);
      out.set(sealed, IV_BYTES);
      return Buffer.from(out).toString("base64url");
    },
    async open(value: string): Promise<Session | undefined> {
      try {
        const bytes = Buffer.from(value, "base64url");
        if (bytes.length <= IV_BYTES) return undefined;
        const iv = bytes.subarray(0, IV_BYTES);
        const plain = await crypto.subtle.decrypt(
          { name: "AES-GCM", iv, additionalData: AAD },
          key,
          bytes.subarray(IV_BYTES),
        );
        return JSON.parse(new TextDecoder().decode(plain)) as Session;
      } catch {
        return undefined;
      }
    },
  };
}
export type SessionBox = Awaited<ReturnType<typeof createSessionBox>>;

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** The cookie lives exactly as long as the JWT inside it. */
export function writeSessionCookie(c: Context, value: string, exp: number) {
  setCookie(c, SESSION_COOKIE, value, {
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
    path: "/",
    maxAge: Math.max(0, exp - Math.floor(Date.now() / 1000)),
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: "Strict", path: "/" });
}
