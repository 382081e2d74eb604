import { createExecutionContext, env } from "cloudflare:test";
import { LockDeletionResponse } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { app } from "../src/app.ts";
import { dataFingerprint, deleteLock, json, seedLocksBeforeAll, staffHeaders, tokenFor } from "./helpers.ts";

const locks = seedLocksBeforeAll();

/**
 * workerd drops an `If-Match` whose value is empty before a Worker sees it (over HTTP and between
 * Workers alike), so the api's own answer to one is checked on the Request it would get.
 */
async function inWorker(path: string, headers: Record<string, string>) {
  const request = new Request(`https://api.test${path}`, { method: "DELETE", headers });
  return app.fetch(request, env, createExecutionContext());
}

describe("If-Match on a deletion is exactly one quoted plan token, or a 400 naming it", () => {
  it.each([
    ["weak", (t: string) => `W/"${t}"`],
    ["a wildcard", () => "*"],
    ["unquoted", (t: string) => t],
    ["a list", (t: string) => `"${t}", "${t}"`],
    ["empty quotes", () => '""'],
    ["half-quoted", (t: string) => `"${t}`],
  ])(
    "refuses %s If-Match with 400 and deletes nothing, even for the previewed token",
    async (_name, value) => {
      const lock = locks[2]!;
      const preview = LockDeletionResponse.parse(
        await json(await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS&dryRun=true")),
      );
      const before = await dataFingerprint();
      const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS", {
        "If-Match": value(preview.planToken!),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: "Bad Request",
        code: 400,
        details: [{ field: "If-Match", message: expect.stringContaining("quoted plan token") }],
      });
      expect(await dataFingerprint()).toEqual(before);
    },
  );

  it("refuses an empty or blank If-Match (as the Worker receives it) instead of treating it as absent", async () => {
    const lock = locks[2]!;
    const token = await tokenFor();
    const before = await dataFingerprint();
    for (const value of ["", "   "]) {
      const res = await inWorker(`/admin/cleanup/locks/${lock.lock_id}?mode=DELETE_DO_AND_EVENTS`, {
        ...staffHeaders(token),
        "If-Match": value,
      });
      expect(res.status, JSON.stringify(value)).toBe(400);
      expect(await res.json()).toMatchObject({ details: [{ field: "If-Match" }] });
    }
    expect(await dataFingerprint()).toEqual(before);
  });

  it("accepts the previewed token quoted, with spaces around it", async () => {
    const lock = locks[2]!;
    const preview = LockDeletionResponse.parse(
      await json(await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY&dryRun=true")),
    );
    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY", {
      "If-Match": ` "${preview.planToken}" `,
    });
    expect(res.status).toBe(200);
  });
});
