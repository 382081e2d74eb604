import { z } from "zod";

/** The claims the bff reads; the api, not the bff, verifies the signature on every forwarded call. */
export const IdentityClaims = z.object({
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
  name: z.string().optional(),
  exp: z.number().optional(),
});
export type IdentityClaims = z.infer<typeof IdentityClaims>;

/**
 * Reads a JWT's payload without verifying it. Only for a token the bff itself just received from
 * the configured issuer over a server-side call; returns undefined for anything malformed.
 *
 * @example
 * readClaims(token)?.email // "support@smartphonekey.com"
 */
export function readClaims(jwt: string): IdentityClaims | undefined {
  const payload = jwt.split(".")[1];
  if (!payload) return undefined;
  try {
    const parsed = IdentityClaims.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
