// Free of zod and imported by this path (`@cleanup/shared/staff`) where the console names the staff
// domain before sign-in, so that page loads no zod (ADR 025).

/** Staff: a verified email whose domain is exactly this one. */
export const STAFF_DOMAIN = "smartphonekey.com";

/** Dot-atom local part of RFC 5322, ASCII only. */
const LOCAL_PART_RE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/**
 * True when `email` is a plain ASCII address whose domain is exactly the staff domain.
 * Parsed, not suffix-matched: exactly one `@`, no Unicode look-alikes, no trailing dot.
 *
 * @example
 * isStaffEmail("support@smartphonekey.com") // true
 * isStaffEmail("x@smartphonekey.com.evil.example") // false
 * isStaffEmail("x@smartphonekey.com@evil.example") // false
 */
export function isStaffEmail(email: unknown): boolean {
  if (typeof email !== "string" || email.length > 254) return false;
  // Reject anything outside printable ASCII: homoglyphs, zero-width and full-width characters.
  if (!/^[\x21-\x7e]+$/.test(email)) return false;
  const parts = email.split("@");
  if (parts.length !== 2) return false;
  const [local, domain] = parts as [string, string];
  if (local.length === 0 || local.length > 64 || !LOCAL_PART_RE.test(local)) return false;
  return domain.toLowerCase() === STAFF_DOMAIN;
}
