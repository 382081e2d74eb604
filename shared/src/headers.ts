/** Header names that cross the api, bff and web boundaries. */
export const HEADERS = {
  adminKey: "X-Admin-API-Key",
  adminKeyAlias: "X-API-Key",
  requestId: "X-Request-Id",
  auditReason: "X-Audit-Reason",
  idempotencyKey: "Idempotency-Key",
  ifMatch: "If-Match",
  csrf: "X-CSRF",
} as const;
