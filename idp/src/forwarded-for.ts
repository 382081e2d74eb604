import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The header with which a relying party proves the `X-Forwarded-For` it sends: the bff's dev-only
 * password sign-in drives the provider's form from the bff's own host, on behalf of a browser
 * elsewhere. Any local process can send `X-Forwarded-For`; only the holder of the client's secret
 * can send this (ADR 018).
 */
export const FORWARDED_FOR_PROOF = "X-Forwarded-For-Proof";

/**
 * HMAC-SHA256, keyed with the client's secret, over the sign-in (the interaction's uid) and the
 * address: a proof is good for that one sign-in and that one address, so a seen one buys nothing.
 *
 * @example
 * headers["X-Forwarded-For-Proof"] = forwardedForProof(clientSecret, "K3x…", "203.0.113.7");
 */
export function forwardedForProof(clientSecret: string, interactionUid: string, address: string): string {
  return createHmac("sha256", clientSecret)
    .update(`cleanup-console forwarded-for\n${interactionUid}\n${address}`)
    .digest("base64url");
}

/** True when `proof` is the proof of `address` for this sign-in under the client's secret. */
export function provesForwardedFor(
  proof: string | undefined,
  clientSecret: string,
  interactionUid: string,
  address: string,
): boolean {
  if (!proof) return false;
  const expected = Buffer.from(forwardedForProof(clientSecret, interactionUid, address));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
