import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { OperationLog } from "../src/domain/operation-log.ts";
import { archiveEvents, verifyArchive } from "../src/storage/archive.ts";
import { type StoredEvent, writeSegment } from "../src/storage/event-store.ts";

const ID = "5f0c8a1e-2b3d-4c5e-8f9a-0b1c2d3e4f5a";
const events = (from: number, n: number): StoredEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    seq: from + i,
    type: "LOCKED",
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, from + i)).toISOString(),
    data: { actor: "user-1" },
  }));

describe("the archive written before a DELETE_DO_AND_EVENTS", () => {
  it("holds every event of every segment, in order, and is verified by count, sequence and SHA-256", async () => {
    await writeSegment(env.EVENTS, "lock", ID, 0, events(1, 1000));
    await writeSegment(env.EVENTS, "lock", ID, 1, events(1001, 250));
    const archive = await archiveEvents(env.EVENTS, "lock", ID, "req-1");
    expect(archive).toMatchObject({ eventCount: 1250, lastSeq: 1250 });
    const lines = (await (await env.EVENTS.get(archive.path))!.text()).trim().split("\n");
    expect(lines.map((l) => (JSON.parse(l) as StoredEvent).seq)).toEqual(events(1, 1250).map((e) => e.seq));
  });

  it("fails verification when what is read back differs from what was written", async () => {
    const archive = await archiveEvents(env.EVENTS, "lock", ID, "req-2");
    const expected = { eventCount: archive.eventCount, sha256: archive.sha256, lastSeq: archive.lastSeq };
    const body = await (await env.EVENTS.get(archive.path))!.text();

    await env.EVENTS.put(archive.path, body.replace('"user-1"', '"user-2"'));
    await expect(verifyArchive(env.EVENTS, archive.path, expected)).rejects.toThrow(/checksum/);
    await env.EVENTS.delete(archive.path);
    await expect(verifyArchive(env.EVENTS, archive.path, expected)).rejects.toThrow(/cannot be read back/);
  });
});

describe("OperationLog", () => {
  it("runs nothing after a failed step and records the rest as skipped", async () => {
    const log = new OperationLog();
    const ran: string[] = [];
    await log.step("archive-events", async () => {
      ran.push("archive");
      throw new Error("Archive checksum mismatch");
    });
    await log.step("delete-events", async () => {
      ran.push("delete");
      return { detail: "deleted" };
    });
    expect(ran).toEqual(["archive"]);
    expect(log.failed).toBe(true);
    expect(log.errors).toEqual(["archive-events: Archive checksum mismatch"]);
    expect(log.operations.map((o) => o.status)).toEqual(["failed", "skipped"]);
  });
});
