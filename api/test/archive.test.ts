import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  ARCHIVE_FORMAT,
  type ArchiveHeader,
  decodeArchive,
  putArchive,
  verifyArchive,
} from "../src/storage/archive.ts";
import type { StoredEvent } from "../src/storage/event-store.ts";

const ID = "5f0c8a1e-2b3d-4c5e-8f9a-0b1c2d3e4f5a";
const events = (from: number, n: number): StoredEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    seq: from + i,
    type: "LOCKED",
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, from + i)).toISOString(),
    data: { actor: "user-1" },
  }));
const header = (n: number): ArchiveHeader => ({
  format: ARCHIVE_FORMAT,
  jobId: "job-1",
  kind: "lock" as const,
  targetId: "1001",
  uuid: ID,
  createdAt: "2026-01-01T00:00:00.000Z",
  events: n,
  lastSeq: n,
  rows: { locks: [{ lock_id: 1001, uuid: ID }] },
});

describe("an archive written before a DELETE_DO_AND_EVENTS", () => {
  it("holds a header with the D1 rows, then every event in order, and is verified by count, sequence and SHA-256", async () => {
    const path = `archives/lock/${ID}/job-1.ndjson`;
    const facts = await putArchive(env.EVENTS, path, header(1250), events(1, 1250));
    expect(facts).toMatchObject({ events: 1250, lastSeq: 1250 });
    expect(await verifyArchive(env.EVENTS, path, facts)).toEqual({ bytes: facts.bytes });
    const decoded = decodeArchive(await (await env.EVENTS.get(path))!.text());
    expect(decoded.header).toMatchObject({ jobId: "job-1", rows: { locks: [{ lock_id: 1001 }] } });
    expect(decoded.events.map((e) => e.seq)).toEqual(events(1, 1250).map((e) => e.seq));
  });

  it("is byte-identical when a resumed job writes it again", async () => {
    const a = await putArchive(env.EVENTS, "archives/lock/x/a.ndjson", header(10), events(1, 10));
    const b = await putArchive(env.EVENTS, "archives/lock/x/b.ndjson", header(10), events(1, 10));
    expect(b.sha256).toBe(a.sha256);
  });

  it("fails verification when what is read back differs from what was written", async () => {
    const path = `archives/lock/${ID}/job-2.ndjson`;
    const facts = await putArchive(env.EVENTS, path, header(20), events(1, 20));
    const body = await (await env.EVENTS.get(path))!.text();
    await env.EVENTS.put(path, body.replace('"user-1"', '"user-2"'));
    await expect(verifyArchive(env.EVENTS, path, facts)).rejects.toThrow(/checksum/);
    await env.EVENTS.put(path, body);
    await expect(verifyArchive(env.EVENTS, path, { ...facts, events: 21 })).rejects.toThrow(
      /holds 20 events/,
    );
    await env.EVENTS.delete(path);
    await expect(verifyArchive(env.EVENTS, path, facts)).rejects.toThrow(/cannot be read back/);
  });

  it("reads an archive written before jobs (events only, no header)", () => {
    const body = events(1, 3)
      .map((e) => `${JSON.stringify(e)}\n`)
      .join("");
    expect(decodeArchive(body)).toMatchObject({ header: null, events: [{ seq: 1 }, { seq: 2 }, { seq: 3 }] });
  });
});
