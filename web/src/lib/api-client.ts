import { ApiErrorBody, OrgKeyErrorBody } from "@cleanup/shared";
import type { z } from "zod";
import { type BffAnswer, bffFetch, type FetchOptions } from "./bff-fetch";

/**
 * A failed call to the bff: the HTTP status, the parsed `{error, message, code}` body when there is
 * one, and the request id support needs to find the call in the logs.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody | null;
  /** The raw JSON body, for error shapes beyond the common one (412 carries `changes`). */
  readonly raw: unknown;
  readonly requestId: string | null;

  constructor(status: number, raw: unknown, requestId: string | null) {
    const parsed = ApiErrorBody.safeParse(raw);
    const body = parsed.success ? parsed.data : null;
    // Endpoint 5 answers in its own `{success: false, message}` shape.
    const orgBody = body ? null : OrgKeyErrorBody.safeParse(raw).data;
    super(body?.message ?? orgBody?.message ?? `Request failed with status ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.raw = raw;
    this.body = body;
    this.requestId = requestId ?? body?.requestId ?? orgBody?.requestId ?? null;
  }
}

/** The response did not match the contract in `@cleanup/shared`: a deployment mismatch, not a user error. */
export class ContractError extends Error {
  readonly requestId: string | null;
  constructor(url: string, issues: string, requestId: string | null) {
    super(`Unexpected response from ${url}: ${issues}`);
    this.name = "ContractError";
    this.requestId = requestId;
  }
}

export type { QueryParams } from "./bff-fetch";

export interface RequestOptions<S extends z.ZodType> extends FetchOptions {
  schema: S;
}

/**
 * Judges an answer of the bff: {@link ApiError} when it is not a 2xx or was cut off part-way (a 502
 * with the call's request id, so the console can show it), {@link ContractError} when the body does
 * not parse with the contract schema, else the parsed body.
 *
 * @example return readAnswer("/bff/session", await bffFetch("/bff/session"), SessionResponse);
 */
export function readAnswer<S extends z.ZodType>(path: string, answer: BffAnswer, schema: S): z.infer<S> {
  const { requestId } = answer;
  if (answer.cutOff) {
    const message = "The answer was cut off before its end; try again, or give support the request id";
    throw new ApiError(502, { error: "Bad Gateway", message, code: 502, requestId }, requestId);
  }
  if (!answer.ok) throw new ApiError(answer.status, answer.json, requestId);
  const parsed = schema.safeParse(answer.json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
      .join("; ");
    throw new ContractError(path, issues, requestId);
  }
  return parsed.data;
}

/**
 * Calls the bff on the same origin and parses the answer with a contract schema.
 * Throws {@link ApiError} for non-2xx answers and {@link ContractError} when the body does not parse.
 *
 * @example
 * const session = await bffRequest("/bff/session", { schema: SessionResponse });
 */
export async function bffRequest<S extends z.ZodType>(
  path: string,
  { schema, ...options }: RequestOptions<S>,
): Promise<z.infer<S>> {
  return readAnswer(path, await bffFetch(path, options), schema);
}

/**
 * Calls an admin api route of one environment through the bff.
 *
 * @example
 * await apiRequest("dev", endpointPath("getLock", { lockId }), { schema: LockDetail });
 */
export function apiRequest<S extends z.ZodType>(
  environment: string,
  apiPath: string,
  options: RequestOptions<S>,
): Promise<z.infer<S>> {
  return bffRequest(`/bff/api/${encodeURIComponent(environment)}${apiPath}`, options);
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** The request id of any error thrown by the client, when it has one. */
export function requestIdOf(error: unknown): string | null {
  if (error instanceof ApiError || error instanceof ContractError) return error.requestId;
  return null;
}
