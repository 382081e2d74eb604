import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { SystemEventListResponse } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import worker from "../src/index.ts";
import { json, staffCall } from "./helpers.ts";

const QUEUE = "cleanup-console-system-events";
const event = (id: string) => ({ id, type: "test-event", at: new Date().toISOString(), data: { n: 1 } });

async function deliver(messages: unknown[]) {
  const batch = createMessageBatch(
    QUEUE,
    messages.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  return getQueueResult(batch, ctx);
}

// The end-to-end path (a deletion publishes, the queue delivers, this consumer records) is in
// organization-keys.test.ts; here the handler gets hand-made batches.
describe("the SYSTEM_EVENTS queue consumer", () => {
  it("records each event once, even when a message is delivered again", async () => {
    const first = event(crypto.randomUUID());
    const result = await deliver([first, event(crypto.randomUUID()), first]);
    expect(result.ackAll).toBe(true);
    const rows = await env.DB.prepare("SELECT id FROM system_events WHERE id = ?1").bind(first.id).all();
    expect(rows.results).toHaveLength(1);
    const listed = SystemEventListResponse.parse(await json(await staffCall("/admin/system-events?limit=5")));
    expect(listed.items.map((e) => e.id)).toContain(first.id);
    expect(listed.items[0]).toMatchObject({ type: "test-event", data: { n: 1 } });
  });

  it("acknowledges a message that is not a system event instead of retrying it forever", async () => {
    const result = await deliver([{ nonsense: true }]);
    expect(result).toMatchObject({ ackAll: true, retryMessages: [] });
  });

  it("refuses a bad limit with a 400 naming it", async () => {
    for (const limit of ["0", "201", "x", ""]) {
      const res = await staffCall(`/admin/system-events?limit=${limit}`);
      expect(res.status, limit).toBe(400);
      expect(await res.json()).toMatchObject({ details: [{ field: "limit" }] });
    }
  });
});
