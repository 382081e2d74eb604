import type { IncomingHttpHeaders } from "node:http";
import type { Readable } from "node:stream";
import { Agent } from "undici";
import { cappedStream } from "./capped-stream.ts";
import { errorBody } from "./errors.ts";

/**
 * undici's own 300 s headers/body timeouts would cut a 10-minute delete-all short, so they are off;
 * every call has a timer of its own instead.
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
      /** A small answer whole, a larger one's bytes as they arrive (counted against the cap), or null for a bodiless status. */
      body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | null;
    }
  | {
      ok: false;
      status: 502 | 504;
      body: ReturnType<typeof errorBody.badGateway | typeof errorBody.gatewayTimeout>;
    };

/**
 * Answers up to this size are read whole before they are passed on: they come in a packet or two
 * anyway, and so their headers and body leave in one write with their length, not as a chunked
 * stream whose headers are flushed alone first, and a slow one is still a clean 504. That holds
 * for an answer of unknown length too (the api's compressed answers are chunked): its first
 * ONE_WRITE_BYTES are awaited, and only an answer that goes on past them streams.
 */
export const ONE_WRITE_BYTES = 64 * 1024;

/**
 * Calls an upstream and hands back its answer as soon as it can. Never throws: unreachable is 502,
 * no answer within the timeout is 504, an answer known to be over the cap (by its Content-Length,
 * or its first bytes) is 502 before a byte of it is sent. An answer that ends within
 * ONE_WRITE_BYTES is read whole (within the timeout, so a slow one is a 504 too); a longer one
 * streams behind its headers, counted against the cap: one that passes the cap or the timeout
 * while it streams is cut off there (the status is already sent), the client sees it end early,
 * and the bff logs it under the request id.
 *
 * @example
 * const r = await callUpstream({ origin, path: "/admin/search?q=x", method: "GET", headers, timeoutMs: 30_000, maxResponseBytes, label: "The dev api", requestId });
 * if (!r.ok) return c.json(r.body, r.status);
 * return new Response(r.body, { status: r.status });
 */
export async function callUpstream(req: UpstreamRequest): Promise<UpstreamResult> {
  // One timer per call, cleared when the answer is over (AbortSignal.timeout would live on for the
  // whole timeout after every call, and make a DOMException when it fires).
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, req.timeoutMs);
  const where = `${req.requestId} ${req.method} ${req.origin}${req.path}`;
  const failed = (err: unknown): UpstreamResult => {
    clearTimeout(timer);
    if (timedOut) {
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
  };

  let res: Awaited<ReturnType<Agent["request"]>>;
  try {
    res = await dispatcher.request({
      origin: req.origin,
      path: req.path,
      method: req.method as "GET",
      headers: req.headers,
      body: req.body ?? null,
      signal: abort.signal,
    });
  } catch (err) {
    return failed(err);
  }

  if (NULL_BODY_STATUSES.has(res.statusCode) || req.method === "HEAD") {
    clearTimeout(timer);
    res.body.dump().catch(() => {});
    return { ok: true, status: res.statusCode, headers: res.headers, body: null };
  }
  const length = Number(res.headers["content-length"] ?? Number.NaN);
  /** An answer over the cap, known before a byte of it is passed on: a 502, the rest unread. */
  const refuseOverCap = (length?: number): UpstreamResult => {
    clearTimeout(timer);
    // Abandoned unread: undici then emits an abort error, which must not become an uncaught one.
    res.body.on("error", () => {});
    res.body.destroy();
    const answered = length === undefined ? "more than the" : `${length} bytes, more than the`;
    console.warn(`[bff] ${where}: answer refused, ${answered} cap of ${req.maxResponseBytes} bytes`);
    return {
      ok: false,
      status: 502,
      body: errorBody.badGateway(
        `${req.label} answered with ${answered} ${req.maxResponseBytes} bytes the bff passes on`,
        req.requestId,
      ),
    };
  };
  if (length > req.maxResponseBytes) return refuseOverCap(length);
  let head: Buffer[] = [];
  if (!(length > ONE_WRITE_BYTES)) {
    try {
      const read = await readUpTo(res.body, Math.min(ONE_WRITE_BYTES, req.maxResponseBytes));
      if (read.whole) {
        clearTimeout(timer);
        return { ok: true, status: res.statusCode, headers: res.headers, body: read.whole };
      }
      if (read.bytes > req.maxResponseBytes) return refuseOverCap();
      head = read.head;
    } catch (err) {
      return failed(err);
    }
  }
  res.body.once("close", () => clearTimeout(timer));
  const body = cappedStream(res.body, req.maxResponseBytes, head, (err) => {
    const why = timedOut ? `not finished within ${req.timeoutMs} ms` : err.message;
    console.warn(`[bff] ${where}: answer cut off after its headers: ${why}`);
  });
  return { ok: true, status: res.statusCode, headers: res.headers, body };
}

/**
 * Reads `source` until it ends or more than `limit` bytes arrived: the whole body, or the chunks
 * read so far (`bytes` of them) with the source paused, the rest still to come. Rejects when the
 * source fails.
 */
function readUpTo(
  source: Readable,
  limit: number,
): Promise<
  | { whole: Uint8Array<ArrayBuffer>; head?: never; bytes?: never }
  | { whole?: never; head: Buffer[]; bytes: number }
> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let seen = 0;
    const stop = () => {
      source.off("data", onData);
      source.off("end", onEnd);
      source.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      seen += chunk.byteLength;
      if (seen <= limit) return;
      source.pause();
      stop();
      resolve({ head: chunks, bytes: seen });
    };
    const onEnd = () => {
      stop();
      resolve({ whole: Buffer.concat(chunks, seen) as Uint8Array<ArrayBuffer> });
    };
    const onError = (err: Error) => {
      stop();
      reject(err);
    };
    source.on("data", onData);
    source.once("end", onEnd);
    source.once("error", onError);
  });
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.code ?? e.message ?? String(err);
}
