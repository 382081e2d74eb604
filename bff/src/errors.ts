import type { FieldError } from "@cleanup/shared";
import type { Context } from "hono";
import type { z } from "zod";

/** The shared error bodies, built in one place so every bff error has the published shape. */
export const errorBody = {
  badRequest: (message: string, details: FieldError[]) =>
    ({ error: "Bad Request", message, code: 400, details }) as const,
  unauthorized: (message: string) => ({ error: "Unauthorized", message, code: 401 }) as const,
  forbidden: (message: string) => ({ error: "Forbidden", message, code: 403 }) as const,
  notFound: (message: string) => ({ error: "Not Found", message, code: 404 }) as const,
  tooManyRequests: (message: string) => ({ error: "Too Many Requests", message, code: 429 }) as const,
  payloadTooLarge: (message: string) => ({ error: "Payload Too Large", message, code: 413 }) as const,
  internal: (message: string, requestId: string) =>
    ({ error: "Internal Server Error", message, code: 500, requestId }) as const,
  badGateway: (message: string, requestId: string) =>
    ({ error: "Bad Gateway", message, code: 502, requestId }) as const,
  gatewayTimeout: (message: string, requestId: string) =>
    ({ error: "Gateway Timeout", message, code: 504, requestId }) as const,
};

/** Turns zod issues into `{field, message}` pairs; a missing field reads "is required". */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.join(".") || "body",
    message: issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message,
  }));
}

/** 404 for anything the bff does not serve, JSON under /bff and for non-GET requests. */
export function notFound(c: Context) {
  return c.json(errorBody.notFound(`No route for ${c.req.method} ${c.req.path}`), 404);
}
