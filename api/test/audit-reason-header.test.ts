import { encodeAuditReason } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { dataFingerprint, deleteLock, seedLocksBeforeAll } from "./helpers.ts";

// X-Audit-Reason is judged by the reason it carries: what the `UTF-8''` form decodes to must pass
// the same checks as a raw value, or a hidden line break would reach the record silently cleaned.
const locks = seedLocksBeforeAll();

describe("X-Audit-Reason is validated decoded", () => {
  it.each([
    ["a line break sent percent-encoded", "UTF-8''SUP-1%0Aoutcome%3A%20success", /control characters/],
    ["a NUL sent percent-encoded", "UTF-8''SUP-1%00", /control characters/],
    ["DEL sent percent-encoded, lower-case mark", "utf-8''SUP-1%7F", /control characters/],
    ["a C1 control sent percent-encoded", "UTF-8''SUP-1%C2%85", /control characters/],
    ["a mark followed by broken percent-encoding", "UTF-8''SUP-1%E0%A4", /percent-encoded UTF-8/],
    ["501 characters once decoded", encodeAuditReason(`Ä${"r".repeat(500)}`), /at most 500/],
    ["501 ASCII characters", "r".repeat(501), /at most 500/],
  ])("refuses %s with a 400 naming X-Audit-Reason, and deletes nothing", async (_name, reason, message) => {
    const before = await dataFingerprint();
    const res = await deleteLock(locks[0]!.lock_id, "mode=DELETE_DO_ONLY", { "X-Audit-Reason": reason });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { details: { field: string; message: string }[] };
    expect(body.details).toEqual([{ field: "X-Audit-Reason", message: expect.stringMatching(message) }]);
    expect(await dataFingerprint()).toEqual(before);
  });

  it("accepts 500 characters of any language encoded, and a literal %0A in a plain ASCII reason", async () => {
    const dry = "mode=DELETE_DO_ONLY&dryRun=true";
    for (const reason of [encodeAuditReason("理".repeat(500)), "SUP-1 %0A is literal here"]) {
      const res = await deleteLock(locks[1]!.lock_id, dry, { "X-Audit-Reason": reason });
      expect(res.status, reason.slice(0, 20)).toBe(200);
    }
  });
});
