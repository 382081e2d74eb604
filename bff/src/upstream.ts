import type { IncomingHttpHeaders } from "node:http";
import { Agent } from "undici";
import { cappedStream } from "./capped-stream.ts";
import { errorBody } from "./errors.ts";

/**
 * undici's own 300 s headers/body timeouts would cut a 10-minute delete-all short, so they are off;
 * every call passes an AbortSignal.timeout of its own instead.
 */
const dispatcher = new Agent({ headersTimeout: 0, bodyTimeout: 0, connectTimeout: 10_000 });

/** Statuses whose answers have no body (RFC 9110), whatever the upstream sends. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export interface UpstreamRequest {
  /** `http(s)://host:port`, no path. */
  origin: string;
  /** Path and query string, as sent upstream. */
  path: string;
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array | undefined;
  /** For the whole answer: until its last byte, not only its headers. */
  timeoutMs: number;
  /** The largest answer passed on; a larger one is refused (before its first byte, when its length is known). */
  maxResponseBytes: number;
  /** Names the upstream in error messages, e.g. "The dev api". */
  label: string;
  requestId: string;
}

export type UpstreamResult =
  | {
      ok: true;
      status: number;
      headers: IncomingHttpHeaders;
      /** The answer's bytes as they arrive (counted against the cap), or null for a bodiless status. */
      body: ReadableStream<Uint8Array> | null;
    }
  | {
      ok: false;
      status: 502 | 504;
      body: ReturnType<typeof errorBody.badGateway | typeof errorBody.gatewayTimeout>;
    };

/**
 * Calls an upstream and hands back its answer as soon as the headers are in, the body streaming
 * behind them. Never throws: unreachable is 502, no headers within the timeout is 504, an answer
 * whose Content-Length is over the cap is 502 before a byte of it is sent. A body that passes the
 * cap or the timeout while it streams is cut off there (the status is already sent): the stream
 * errors, the client sees the answer end early, and the bff logs it under the request id.
 *
 * @example
 * const r = await callUpstream({ origin, path: "/admin/search?q=x", method: "GET", headers, timeoutMs: 30_000, maxResponseBytes, label: "The dev api", requestId });
 * if (!r.ok) return c.json(r.body, r.status);
 * return new Response(r.body, { status: r.status });
 */
export async function callUpstream(req: UpstreamRequest): Promise<UpstreamResult> {
  const signal = AbortSignal.timeout(req.timeoutMs);
  const where = `${req.requestId} ${req.method} ${req.origin}${req.path}`;
  let res: Awaited<ReturnType<Agent["request"]>>;
  try {
    res = await dispatcher.request({
      origin: req.origin,
      path: req.path,
      method: req.method as "GET",
      headers: req.headers,
      body: req.body ?? null,
      signal,
    });
  } catch (err) {
    if (signal.aborted) {
      const seconds = Math.round(req.timeoutMs / 100) / 10;
      console.warn(`[bff] ${where}: no answer within ${req.timeoutMs} ms`);
      return {
        ok: false,
        status: 504,
        body: errorBody.gatewayTimeout(`${req.label} did not answer within ${seconds} s`, req.requestId),
      };
    }
    const cause = describe(err);
    console.warn(`[bff] ${where}: ${cause}`);
    return {
      ok: false,
      status: 502,
      body: errorBody.badGateway(`${req.label} is unreachable (${cause})`, req.requestId),
    };
  }

  if (NULL_BODY_STATUSES.has(res.statusCode) || req.method === "HEAD") {
    res.body.dump().catch(() => {});
    return { ok: true, status: res.statusCode, headers: res.headers, body: null };
  }
  const length = Number(res.headers["content-length"] ?? Number.NaN);
  if (length > req.maxResponseBytes) {
    res.body.destroy();
    console.warn(`[bff] ${where}: ${length}-byte answer refused (cap ${req.maxResponseBytes})`);
    return {
      ok: false,
      status: 502,
      body: errorBody.badGateway(
        `${req.label} answered with ${length} bytes, more than the ${req.maxResponseBytes} bytes the bff passes on`,
        req.requestId,
      ),
    };
  }
  const body = cappedStream(res.body, req.maxResponseBytes, (err) => {
    const why = signal.aborted ? `not finished within ${req.timeoutMs} ms` : err.message;
    console.warn(`[bff] ${where}: answer cut off after its headers: ${why}`);
  });
  return { ok: true, status: res.statusCode, headers: res.headers, body };
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.code ?? e.message ?? String(err);
}
