import type { Readable } from "node:stream";

/** Thrown into a streamed body that passed its cap: the stream ends with it instead of more bytes. */
export class BodyOverCapError extends Error {
  override name = "BodyOverCapError";
}

/**
 * A web ReadableStream of a Node stream's bytes that counts them as they pass: once more than
 * `maxBytes` went by, the source is destroyed and the stream errors with BodyOverCapError (the
 * client sees the answer cut off, never more than the cap). Backpressure goes through: the source
 * is paused while the client is slow. Cancelling the stream (the client went away) destroys the source.
 *
 * `head` holds bytes already read from `source`; they are passed on first.
 *
 * @example
 * const body = cappedStream(upstream.body, 16 * 1024 * 1024, [], (err) => console.warn(err.message));
 * return new Response(body, { status: 200 });
 */
export function cappedStream(
  source: Readable,
  maxBytes: number,
  head: readonly Buffer[],
  onError: (err: Error) => void,
): ReadableStream<Uint8Array> {
  let seen = 0;
  let settled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        // Nothing flows until the first read, which comes after the status and headers are sent:
        // a body cut off at the cap is always cut off after them, however fast it arrives.
        source.pause();
        const fail = (err: Error) => {
          if (settled) return;
          settled = true;
          source.destroy();
          onError(err);
          controller.error(err);
        };
        const pass = (chunk: Buffer) => {
          if (settled) return;
          seen += chunk.byteLength;
          if (seen > maxBytes) {
            fail(new BodyOverCapError(`The answer passed the bff's cap of ${maxBytes} bytes`));
            return;
          }
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 1) <= 0) source.pause();
        };
        // Bytes already read from the source (see callUpstream) go first, counted like the rest.
        for (const chunk of head) pass(chunk);
        source.on("data", pass);
        source.once("end", () => {
          if (settled) return;
          settled = true;
          controller.close();
        });
        source.on("error", fail); // also the abort error destroy() itself causes
        source.once("close", () => fail(new Error("The answer was cut off before its end")));
      },
      pull() {
        if (source.isPaused()) source.resume();
      },
      cancel() {
        settled = true;
        source.destroy();
      },
    },
    // No queue of its own: each read resumes the source, which pauses again once a chunk is handed over.
    { highWaterMark: 0 },
  );
}
