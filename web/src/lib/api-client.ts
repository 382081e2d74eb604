import { ApiErrorBody, HEADERS, OrgKeyErrorBody } from "@cleanup/shared";
import type { z } from "zod";

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

export type QueryParams = Record<string, string | number | boolean | undefined>;

export interface RequestOptions<S extends z.ZodType> {
  method?: "GET" | "POST" | "DELETE";
  query?: QueryParams;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  schema: S;
}

function withQuery(url: string, query: QueryParams | undefined): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { error: res.statusText, message: text.slice(0, 500), code: res.status };
  }
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
  { method = "GET", query, headers, body, signal, schema }: RequestOptions<S>,
): Promise<z.infer<S>> {
  const url = withQuery(path, query);
  const res = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: {
      Accept: "application/json",
      [HEADERS.csrf]: "1",
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  const requestId = res.headers.get(HEADERS.requestId);
  const json = await readJson(res);
  if (!res.ok) throw new ApiError(res.status, json, requestId);
  const parsed = schema.safeParse(json);
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
