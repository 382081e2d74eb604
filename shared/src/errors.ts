import { z } from "zod";

/** One invalid input field: `field` is the query, path or body name the caller sent. */
export const FieldError = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const BadRequestBody = z.object({
  error: z.literal("Bad Request"),
  message: z.string(),
  code: z.literal(400),
  details: z.array(FieldError),
});
export const UnauthorizedBody = z.object({
  error: z.literal("Unauthorized"),
  message: z.string(),
  code: z.literal(401),
});
export const ForbiddenBody = z.object({
  error: z.literal("Forbidden"),
  message: z.string(),
  code: z.literal(403),
});
export const NotFoundBody = z.object({
  error: z.literal("Not Found"),
  message: z.string(),
  code: z.literal(404),
});
/** 409: another deletion of the target is live (its `jobId`), or an Idempotency-Key clash. */
export const ConflictBody = z.object({
  error: z.literal("Conflict"),
  message: z.string(),
  code: z.literal(409),
  jobId: z.string().optional(),
});
/** 412: the target changed since the preview whose planToken was sent in If-Match. */
export const PreconditionFailedBody = z.object({
  error: z.literal("Precondition Failed"),
  message: z.string(),
  code: z.literal(412),
  currentPlanToken: z.string(),
  changes: z.array(z.object({ field: z.string(), previewed: z.unknown(), current: z.unknown() })),
});
export const UnprocessableBody = z.object({
  error: z.literal("Unprocessable Entity"),
  message: z.string(),
  code: z.literal(422),
});
/** Too many failed attempts (the dev issuer's password throttle); `Retry-After` says when to try again. */
export const TooManyRequestsBody = z.object({
  error: z.literal("Too Many Requests"),
  message: z.string(),
  code: z.literal(429),
});
/** Something the api depends on is out of reach, e.g. the issuer's keys: the same request may succeed later. */
export const ServiceUnavailableBody = z.object({
  error: z.literal("Service Unavailable"),
  message: z.string(),
  code: z.literal(503),
});
export const InternalErrorBody = z.object({
  error: z.literal("Internal Server Error"),
  message: z.string(),
  code: z.literal(500),
  requestId: z.string(),
  /** The `X-Request-Id` the client sent, beside the api's own `requestId`. */
  clientRequestId: z.string().optional(),
});
/** 502 and 504 come from the bff when the api is down or too slow. */
export const GatewayErrorBody = z.object({
  error: z.enum(["Bad Gateway", "Gateway Timeout"]),
  message: z.string(),
  code: z.union([z.literal(502), z.literal(504)]),
  requestId: z.string(),
});

/** Any error body the api or bff sends; `code` is the HTTP status. */
export const ApiErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  code: z.number().int(),
  details: z.array(FieldError).optional(),
  requestId: z.string().optional(),
  clientRequestId: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Endpoint 5 (`/organization/{idOrg}/key`) keeps its own error shape; a 400 adds `details`. */
export const OrgKeyErrorBody = z.object({
  success: z.literal(false),
  message: z.string(),
  details: z.array(FieldError).optional(),
  requestId: z.string().optional(),
  clientRequestId: z.string().optional(),
  /** A 412 says what changed since the preview, as other endpoints' 412 does. */
  currentPlanToken: z.string().optional(),
  changes: PreconditionFailedBody.shape.changes.optional(),
  /** A 409 names the live job that holds the organization. */
  jobId: z.string().optional(),
});
