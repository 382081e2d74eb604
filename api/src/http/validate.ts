import type { FieldError } from "@cleanup/shared";
import { createMiddleware } from "hono/factory";
import { validator } from "hono/validator";
import { z } from "zod";
import { ApiError } from "./errors.ts";

/** Turns zod issues into `details` that name the field the caller sent, never a zod path. */
export function toFieldErrors(error: z.ZodError, input: Record<string, unknown>): FieldError[] {
  const details: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) details.push({ field: key, message: "is not a known parameter" });
      continue;
    }
    const field = String(issue.path[0] ?? "body");
    const missing = issue.path.length === 1 && input[field] === undefined;
    details.push({ field, message: missing ? "is required" : issue.message });
  }
  return details;
}

/** Parses `input` with `schema` or throws a 400 naming each bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: Record<string, unknown>): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw ApiError.badRequest(toFieldErrors(result.error, input));
  return result.data;
}

/** The query string as a record; a parameter given twice is a 400, not a silent first-wins. */
export function searchParamsRecord(url: string): Record<string, string> {
  const record: Record<string, string> = {};
  const repeated = new Set<string>();
  for (const [key, value] of new URL(url).searchParams) {
    if (key in record) repeated.add(key);
    record[key] = value;
  }
  if (repeated.size > 0) {
    throw ApiError.badRequest([...repeated].map((field) => ({ field, message: "must be given only once" })));
  }
  return record;
}

/**
 * Hono validator for the query string with a strict zod schema.
 *
 * @example
 * app.get("/x", validQuery(SearchQuery), (c) => c.json(c.req.valid("query")));
 */
export const validQuery = <S extends z.ZodType>(schema: S) =>
  validator("query", (_value, c): z.output<S> => parseOrThrow(schema, searchParamsRecord(c.req.url)));

/** Hono validator for path parameters (already percent-decoded by Hono). */
export const validParams = <S extends z.ZodType>(schema: S) =>
  validator("param", (value): z.output<S> => parseOrThrow(schema, value));

/** Hono validator for a JSON body; a body that is not JSON is a 400 on `body`. */
export const validJson = <S extends z.ZodType>(schema: S) =>
  validator("json", async (_value, c): Promise<z.output<S>> => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw ApiError.badRequest([{ field: "body", message: "must be a JSON object" }]);
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw ApiError.badRequest([{ field: "body", message: "must be a JSON object" }]);
    }
    return parseOrThrow(schema, body as Record<string, unknown>);
  });

/**
 * For a body that may be left out: an absent or empty body passes; one that is sent must be a JSON
 * object that `schema` accepts, else a 400 on `body` (or on the field it names), so that a truncated
 * or mistyped body stops a deletion before anything runs. Whatever the Content-Type says (Hono's
 * own JSON validator refuses an empty body sent as `application/json`).
 *
 * @example
 * app.post("/admin/cleanup/delete-all", optionalJsonBody(DeleteAllBody), handler);
 */
export const optionalJsonBody = (schema: z.ZodType) =>
  createMiddleware(async function optionalJsonBody(c, next) {
    const text = await c.req.text();
    if (text.length > 0) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw ApiError.badRequest([{ field: "body", message: "must be valid JSON (or be left out)" }]);
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw ApiError.badRequest([{ field: "body", message: "must be a JSON object (or be left out)" }]);
      }
      parseOrThrow(schema, body as Record<string, unknown>);
    }
    await next();
  });

/** For routes without parameters: any query parameter is unknown and named in a 400. */
export const NoQuery = z.strictObject({});
