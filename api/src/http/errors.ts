import type { FieldError } from "@cleanup/shared";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../app-env.ts";

const REASON: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  412: "Precondition Failed",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

/**
 * An expected refusal with its published body; thrown anywhere, rendered by `handleError`.
 *
 * @example
 * throw ApiError.badRequest([{ field: "mode", message: "is required" }]);
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly extra: Record<string, unknown>;

  constructor(status: ContentfulStatusCode, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.extra = extra;
  }

  /** The published body: `{error, message, code, ...extra}`. */
  body(): Record<string, unknown> {
    return { error: REASON[this.status] ?? "Error", message: this.message, code: this.status, ...this.extra };
  }

  static badRequest(details: FieldError[], message?: string): ApiError {
    const fields = [...new Set(details.map((d) => d.field))].join(", ");
    return new ApiError(400, message ?? `Invalid ${fields}`, { details });
  }
  static unauthorized(message: string): ApiError {
    return new ApiError(401, message);
  }
  static forbidden(message: string): ApiError {
    return new ApiError(403, message);
  }
  static notFound(message: string): ApiError {
    return new ApiError(404, message);
  }
  static conflict(message: string): ApiError {
    return new ApiError(409, message);
  }
  static unprocessable(message: string): ApiError {
    return new ApiError(422, message);
  }
  static tooManyRequests(message: string): ApiError {
    return new ApiError(429, message);
  }
  /** Something the api depends on is out of reach (the issuer's keys): the request may succeed later. */
  static unavailable(message: string): ApiError {
    return new ApiError(503, message);
  }
}

/**
 * Endpoint 5 (`/organization/{idOrg}/key`) publishes its own error shape, `{success: false, message}`:
 * the generic `error` and `code` go, everything else a refusal says (a 400's `details`, a 412's
 * `changes` and `currentPlanToken`, a 500's `requestId`) stays.
 */
function render(c: Context<AppEnv>, body: Record<string, unknown>, status: ContentfulStatusCode) {
  if (!new URL(c.req.url).pathname.startsWith("/organization/")) return c.json(body, status);
  const { error: _error, code: _code, message, ...extras } = body;
  return c.json({ success: false, message, ...extras }, status);
}

/** `app.onError`: expected refusals keep their shape; anything else is a 500 without internals. */
export const handleError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ApiError) return render(c, err.body(), err.status);
  // Hono's own refusals (malformed JSON body): keep the published shapes.
  if (err instanceof HTTPException && err.status < 500) {
    const refusal =
      err.status === 400
        ? ApiError.badRequest([{ field: "body", message: err.message }], err.message)
        : new ApiError(err.status as ContentfulStatusCode, err.message);
    return render(c, refusal.body(), refusal.status);
  }
  const requestId = c.get("requestId") ?? "";
  console.error(`[${requestId}] unhandled error`, err);
  const clientRequestId = c.get("clientRequestId");
  return render(c, { ...internalErrorBody(requestId), ...(clientRequestId ? { clientRequestId } : {}) }, 500);
};

export function internalErrorBody(requestId: string, message = "An unexpected error occurred") {
  return { error: "Internal Server Error", message, code: 500, requestId } as const;
}

export const handleNotFound: NotFoundHandler<AppEnv> = (c: Context<AppEnv>) =>
  render(c, { error: "Not Found", message: `No route for ${c.req.method} ${c.req.path}`, code: 404 }, 404);
