import { z } from "zod";

export { HEADERS } from "./header-names.ts";

/** `Idempotency-Key` on a deletion. */
export const IdempotencyKeyHeader = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, "must be 1-255 printable ASCII characters");

/** The longest reason a person types (the console's input limit). */
export const AUDIT_REASON_MAX_LENGTH = 500;
/** Marks a reason sent percent-encoded as UTF-8 (RFC 8187's `UTF-8''` form; headers are ISO-8859-1). */
const UTF8_PREFIX = "UTF-8''";
/**
 * The longest `X-Audit-Reason` on the wire: 500 characters of any text percent-encoded as UTF-8
 * (at most 9 characters each) behind the `UTF-8''` mark, which is how a reason that is not ASCII travels.
 */
export const AUDIT_REASON_HEADER_MAX_LENGTH = 9 * AUDIT_REASON_MAX_LENGTH + UTF8_PREFIX.length;

/**
 * The `X-Audit-Reason` value for a reason: printable ASCII as it is, anything else marked and
 * percent-encoded, so a reason in any language survives and a literal `%20` stays literal.
 *
 * @example encodeAuditReason("SUP-1 Tür klemmt") // "UTF-8''SUP-1%20T%C3%BCr%20klemmt"
 */
export function encodeAuditReason(reason: string): string {
  return /^[\x20-\x7e]*$/.test(reason) ? reason : `${UTF8_PREFIX}${encodeURIComponent(reason)}`;
}

/** The reason a `X-Audit-Reason` value carries: the inverse of encodeAuditReason; a bad encoding stays as sent. */
export function decodeAuditReason(header: string): string {
  if (!header.toUpperCase().startsWith(UTF8_PREFIX)) return header;
  try {
    return decodeURIComponent(header.slice(UTF8_PREFIX.length));
  } catch {
    return header;
  }
}
/**
 * `X-Audit-Reason` (a ticket reference): recorded as given, so it is refused rather than cut or
 * cleaned. What is judged is the reason it carries, decoded: a control character sent
 * percent-encoded (`UTF-8''SUP-1%0Aoutcome%3A%20success`) is refused like a raw one, a `UTF-8''`
 * value that is not percent-encoded UTF-8 is refused, and the reason is at most 500 characters.
 */
export const AuditReasonHeader = z
  .string()
  .max(AUDIT_REASON_HEADER_MAX_LENGTH, `must be at most ${AUDIT_REASON_HEADER_MAX_LENGTH} characters`)
  .regex(/^\P{Cc}*$/u, "must not contain control characters")
  .superRefine((header, ctx) => {
    const message = decodedReasonProblem(header);
    if (message) ctx.addIssue({ code: "custom", message, input: header });
  });

/** Why the reason a valid-looking header carries is not one, or null. */
function decodedReasonProblem(header: string): string | null {
  let reason = header;
  if (header.toUpperCase().startsWith(UTF8_PREFIX)) {
    try {
      reason = decodeURIComponent(header.slice(UTF8_PREFIX.length));
    } catch {
      return `must be percent-encoded UTF-8 after ${UTF8_PREFIX}`;
    }
  }
  if (/\p{Cc}/u.test(reason)) return "must not contain control characters, percent-encoded ones included";
  if ([...reason].length > AUDIT_REASON_MAX_LENGTH) {
    return `must be at most ${AUDIT_REASON_MAX_LENGTH} characters once decoded`;
  }
  return null;
}

/**
 * `If-Match: "<planToken>"`: exactly one strong entity-tag, the quoted planToken of a dry run
 * (1-128 letters, digits, `-` or `_`). Anything else (empty, a weak `W/"…"` tag, `*`, an unquoted
 * token, a list) is refused with a 400 naming `If-Match`, never taken as absent: a deletion sent
 * with one must be guarded by it. Parses to the token without its quotes.
 */
export const IfMatchHeader = z
  .string()
  .regex(
    /^[ \t]*"[A-Za-z0-9_-]{1,128}"[ \t]*$/,
    'must be one quoted plan token: "<planToken>" (no W/, no *, no list)',
  )
  .transform((v) => v.trim().slice(1, -1));
