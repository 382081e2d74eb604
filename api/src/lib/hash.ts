const encoder = new TextEncoder();

/** SHA-256 of a string (UTF-8) or bytes, as lower-case hex. */
export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const bytes = typeof input === "string" ? encoder.encode(input) : input;
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Compares two secrets without leaking where they differ or how long they are:
 * both are hashed to 32 bytes first, then compared with the runtime's timing-safe comparison.
 *
 * @example
 * await secretsEqual(request.headers.get("X-API-Key") ?? "", env.ADMIN_API_KEY)
 */
export async function secretsEqual(a: string, b: string): Promise<boolean> {
  const [da, db] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(a)),
    crypto.subtle.digest("SHA-256", encoder.encode(b)),
  ]);
  return crypto.subtle.timingSafeEqual(da, db);
}

/** UTF-8 byte length of a string. */
export function byteLength(s: string): number {
  return encoder.encode(s).byteLength;
}
