import { HEADERS } from "@cleanup/shared/header-names";

export type QueryParams = Record<string, string | number | boolean | undefined>;

export interface FetchOptions {
  method?: "GET" | "POST" | "DELETE";
  query?: QueryParams;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
}

/** A bff answer before anything is judged of it: the status, the request id and the JSON body. */
export interface BffAnswer {
  status: number;
  ok: boolean;
  requestId: string | null;
  /** The parsed JSON body, null when empty, or an error-shaped stand-in when it was not JSON. */
  json: unknown;
  /**
   * The body stopped before its end (the bff ends an answer that passes its size cap, or the
   * connection dropped); `json` is null then. `readAnswer` makes it a 502 with the request id.
   */
  cutOff: boolean;
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

/**
 * Reads a whole answer. A body cut off part-way is `cutOff`; a call the caller aborted stays an
 * abort (the error is thrown).
 */
export async function toAnswer(res: Response, signal?: AbortSignal): Promise<BffAnswer> {
  const answer = { status: res.status, ok: res.ok, requestId: res.headers.get(HEADERS.requestId) };
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    if (signal?.aborted) throw err;
    return { ...answer, json: null, cutOff: true };
  }
  return { ...answer, json: parseJson(res, text), cutOff: false };
}

function parseJson(res: Response, text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { error: res.statusText, message: text.slice(0, 500), code: res.status };
  }
}

/**
 * One call to the bff on the same origin, with the session cookie and `X-CSRF: 1`. Knows nothing of
 * the contract, so it loads no zod: the sign-in page asks for the session with it and needs nothing
 * more when the answer is a 401 (ADR 025). Everything else reads the answer with `bffRequest`.
 *
 * @example const answer = await bffFetch("/bff/session"); if (answer.status === 401) return null;
 */
export async function bffFetch(
  path: string,
  { method = "GET", query, headers, body, signal }: FetchOptions = {},
): Promise<BffAnswer> {
  const res = await fetch(withQuery(path, query), {
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
  return toAnswer(res, signal);
}
