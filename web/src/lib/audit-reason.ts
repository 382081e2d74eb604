/**
 * The `X-Audit-Reason` header value: headers carry ISO-8859-1 only, so anything beyond printable
 * ASCII is percent-encoded and a reason in any language survives.
 *
 * @example auditReasonHeader("SUP-1 Tür klemmt") // "SUP-1%20T%C3%BCr%20klemmt"
 */
export function auditReasonHeader(reason: string): string {
  return /^[\x20-\x7e]*$/.test(reason) ? reason : encodeURIComponent(reason);
}
