import { describe, expect, test } from "vitest";
import { z } from "zod";
import { ApiError, readAnswer } from "./api-client";
import { toAnswer } from "./bff-fetch";

/** The answer as the console reads it: whole, then judged. */
async function read(res: Response, signal?: AbortSignal): Promise<unknown> {
  return readAnswer("/bff/api/dev/locks", await toAnswer(res, signal), z.unknown());
}

/** A real answer whose body stops with an error after its first bytes, as a cut-off stream does. */
function cutOff(): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"items":[{"id":"1"'));
      controller.error(new TypeError("network error"));
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "Content-Type": "application/json", "X-Request-Id": "req-123" },
  });
}

describe("reading an answer", () => {
  test("an answer cut off part-way is a 502 with the call's request id, which the console shows", async () => {
    const error = await read(cutOff()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, requestId: "req-123" });
    expect((error as ApiError).message).toMatch(/cut off/);
  });

  test("an answer the caller aborted stays an abort", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await read(cutOff(), controller.signal).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
  });

  test("a whole answer is its JSON", async () => {
    expect(await read(new Response('{"ok":true}'))).toEqual({ ok: true });
  });
});
