import { Agent, fetch } from "undici";
import { errorBody } from "./errors.ts";

/**
 * undici's own 300 s headers/body timeouts would cut a 10-minute delete-all short, so they are off;
 * every call passes an AbortSignal.timeout of its own instead.
 */
const dispatcher = new Agent({ headersTimeout: 0, bodyTimeout: 0, connectTimeout: 10_000 });

export interface UpstreamRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: ArrayBuffer | string | undefined;
  timeoutMs: number;
  /** Names the upstream in error messages, e.g. "the dev api". */
  label: string;
  requestId: string;
}

export type UpstreamResult =
  | { ok: true; status: number; headers: Headers; body: ArrayBuffer }
  | {
      ok: false;
      status: 502 | 504;
      body: ReturnType<typeof errorBody.badGateway | typeof errorBody.gatewayTimeout>;
    };

/**
 * Calls an upstream and reads the whole body within the timeout, so a slow body is a clean 504
 * rather than a response cut off half-way. Never throws: unreachable is 502, too slow is 504.
 *
 * @example
 * const r = await callUpstream({ url, method: "GET", headers, timeoutMs: 30_000, label: "the dev api", requestId });
 * if (!r.ok) return c.json(r.body, r.status);
 */
export async function callUpstream(req: UpstreamRequest): Promise<UpstreamResult> {
  const signal = AbortSignal.timeout(req.timeoutMs);
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body ?? null,
      redirect: "manual",
      signal,
      dispatcher,
    });
    const body = await res.arrayBuffer();
    return { ok: true, status: res.status, headers: res.headers as unknown as Headers, body };
  } catch (err) {
    if (signal.aborted) {
      const seconds = Math.round(req.timeoutMs / 100) / 10;
      console.warn(`[bff] ${req.requestId} ${req.method} ${req.url}: no answer within ${req.timeoutMs} ms`);
      return {
        ok: false,
        status: 504,
        body: errorBody.gatewayTimeout(`${req.label} did not answer within ${seconds} s`, req.requestId),
      };
    }
    const cause = describe(err);
    console.warn(`[bff] ${req.requestId} ${req.method} ${req.url}: ${cause}`);
    return {
      ok: false,
      status: 502,
      body: errorBody.badGateway(`${req.label} is unreachable (${cause})`, req.requestId),
    };
  }
}

function describe(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message ?? String(err);
}
