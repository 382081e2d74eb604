// Kept apart from the header schemas (zod) and imported by this path (`@cleanup/shared/header-names`)
// by a client that only sends headers, such as the console before sign-in, so it loads no zod (ADR 025).

/** Header names that cross the api, bff and web boundaries. */
export const HEADERS = {
  adminKey: "X-Admin-API-Key",
  adminKeyAlias: "X-API-Key",
  requestId: "X-Request-Id",
  auditReason: "X-Audit-Reason",
  idempotencyKey: "Idempotency-Key",
  ifMatch: "If-Match",
  csrf: "X-CSRF",
  /** `true` on the stored answer of a deletion repeated with the same Idempotency-Key. */
  idempotentReplayed: "Idempotent-Replayed",
  retryAfter: "Retry-After",
  location: "Location",
} as const;
