import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { requestHeader } from "./node-http.ts";

/** `__Host-`: Secure, Path=/ and no Domain, so no sibling host can set or read it. */
export const SESSION_COOKIE = "__Host-cleanup_session";
/** The sign-in under way (state, nonce, PKCE verifier, returnTo), between /bff/login and /bff/callback. */
export const FLOW_COOKIE = "__Host-cleanup_oidc";
/** How long a sign-in at the provider may take. */
export const FLOW_MAX_AGE_SECONDS = 10 * 60;
const IV_BYTES = 12;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Seals values into cookies with AES-256-GCM; the key is derived from SESSION_SECRET with HKDF,
 * so every replica given the same secret reads every other replica's cookies. The cookie's name is
 * the additional data: a sign-in cookie cannot be passed off as a session or the other way round.
 *
 * @example
 * const box = await createSessionBox(config.sessionSecret);
 * const value = await box.seal(SESSION_COOKIE, session); // opaque base64url
 * await box.open(SESSION_COOKIE, value); // the value, or undefined when tampered, foreign or malformed
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
      info: new TextEncoder().encode("session-cookie/v2"),
    },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
  return {
    async seal(purpose: string, value: unknown): Promise<string> {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const plain = new TextEncoder().encode(JSON.stringify(value));
      const additionalData = new TextEncoder().encode(purpose);
      const sealed = new Uint8Array(
        await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData }, key, plain),
      );
      const out = new Uint8Array(IV_BYTES + sealed.length);
      out.set(iv);
      out.set(sealed, IV_BYTES);
      return Buffer.from(out).toString("base64url");
    },
    async open(purpose: string, value: string): Promise<unknown> {
      if (!BASE64URL.test(value)) return undefined; // Buffer.from would skip stray characters
      try {
        const bytes = Buffer.from(value, "base64url");
        if (bytes.length <= IV_BYTES) return undefined;
        const iv = bytes.subarray(0, IV_BYTES);
        const additionalData = new TextEncoder().encode(purpose);
        const plain = await crypto.subtle.decrypt(
          { name: "AES-GCM", iv, additionalData },
          key,
          bytes.subarray(IV_BYTES),
        );
        return JSON.parse(new TextDecoder().decode(plain));
      } catch {
        return undefined;
      }
    },
  };
}
export type SessionBox = Awaited<ReturnType<typeof createSessionBox>>;

/** The session cookie's value, read from the Cookie header alone (no web Headers, no parse of every pair). */
export function readSessionCookie(c: Context): string | undefined {
  const header = requestHeader(c, "cookie");
  return header ? cookieValue(header, SESSION_COOKIE) : undefined;
}

/**
 * The value of the first cookie called `name` in a Cookie header, as getCookie() finds it (names
 * compared whole, whitespace around the value dropped), or undefined. Sealed values are base64url,
 * so nothing is unquoted or decoded; SessionBox.open refuses anything else.
 *
 * @example
 * cookieValue("a=1; __Host-cleanup_session=abc", "__Host-cleanup_session") // "abc"
 * cookieValue("x__Host-cleanup_session=abc", "__Host-cleanup_session") // undefined
 */
export function cookieValue(header: string, name: string): string | undefined {
  for (let from = 0; ; ) {
    const at = header.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    let before = at - 1;
    while (before >= 0 && (header[before] === " " || header[before] === "\t")) before--;
    let equals = from;
    while (header[equals] === " " || header[equals] === "\t") equals++;
    if ((before >= 0 && header[before] !== ";") || header[equals] !== "=") continue;
    const end = header.indexOf(";", equals);
    return header.slice(equals + 1, end < 0 ? header.length : end).trim();
  }
}

/** HttpOnly, Secure, SameSite=Strict; the browser drops it when the session would end (`endsAt`, ms). */
export function writeSessionCookie(c: Context, value: string, endsAt: number) {
  setCookie(c, SESSION_COOKIE, value, {
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
    path: "/",
    maxAge: Math.max(0, Math.floor((endsAt - Date.now()) / 1000)),
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: "Strict", path: "/" });
}

export function readFlowCookie(c: Context): string | undefined {
  return getCookie(c, FLOW_COOKIE);
}

/** Lax, not Strict: the provider's redirect back to /bff/callback is a cross-site navigation. */
export function writeFlowCookie(c: Context, value: string) {
  setCookie(c, FLOW_COOKIE, value, {
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: "/",
    maxAge: FLOW_MAX_AGE_SECONDS,
  });
}

export function clearFlowCookie(c: Context) {
  deleteCookie(c, FLOW_COOKIE, { httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
}
