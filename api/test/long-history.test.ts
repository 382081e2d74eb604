import { env } from "cloudflare:workers";
import { LockDeletionResponse, LockDetail } from "@cleanup/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { naturalKey } from "../src/domain/natural-key.ts";
import { lockReducer } from "../src/domain/reducers.ts";
import { demoBatches } from "../src/seed/demo-data.ts";
import { LONGEST_HISTORY } from "../src/seed/demo-devices.ts";
import type { DemoAggregate } from "../src/seed/demo-types.ts";
import { writeSeed } from "../src/seed/write-seed.ts";
import { listSegments, type StoredEvent, writeSegment } from "../src/storage/event-store.ts";
import { foldHistory } from "../src/storage/state-snapshots.ts";
import { deleteLock, json, seed, staffCall } from "./helpers.ts";

/** The longest history of SEED_SCALE=10 (100,000+ events), written beside the small test seed. */
const LOCK_ID = 777_001;
let longest: DemoAggregate;

beforeAll(async () => {
  await seed();
  for (const batch of demoBatches(10, Date.now())) {
    const found = batch.aggregates.find((a) => a.kind === "lock" && a.events.length >= LONGEST_HISTORY);
    if (found) {
      longest = found;
      break;
    }
  }
  const name = String(longest.events[0]!.data.name);
  await writeSeed(env, [
    {
      aggregates: [longest],
      tables: [
        {
          table: "locks",
          columns: ["lock_id", "uuid", "name", "sort_key", "hub_id", "created_at"],
          rows: [[LOCK_ID, longest.id, name, naturalKey(name), null, longest.createdAt]],
        },
      ],
    },
  ]);
}, 120_000);

const read = async () => LockDetail.parse(await json(await staffCall(`/admin/locks/${LOCK_ID}`)));
const fullReplay = async () =>
  (
    await foldHistory(env.EVENTS, await listSegments(env.EVENTS, "lock", longest.id), lockReducer, {
      snapshots: false,
    })
  ).state;

describe("a lock with 100,000 events", () => {
  it("is a few R2 objects, each carrying the state after its last event", async () => {
    const segments = await listSegments(env.EVENTS, "lock", longest.id);
    expect(segments.length).toBeLessThanOrEqual(3);
    expect(segments.reduce((n, s) => n + s.count, 0)).toBe(longest.events.length);
    expect(segments.every((s) => s.snapshot?.version === lockReducer.version)).toBe(true);
    // Reading the state without the DO's copy needs the listing only, no segment body.
    const folded = await foldHistory(env.EVENTS, segments, lockReducer);
    expect(folded.segmentsRead).toBe(0);
    expect(folded.state).toEqual(await fullReplay());
  });

  it("reads the identical state whether or not its DO state was deleted, equal to a replay of every event", async () => {
    const warm = await read();
    expect(warm.eventCount).toBe(longest.events.length);
    expect(warm.state.version).toBe(longest.events.length);
    expect(warm.state).toEqual(await fullReplay());

    expect((await deleteLock(LOCK_ID, "mode=DELETE_DO_ONLY")).status).toBe(200);
    expect(await read()).toEqual(warm);
  });

  it("keeps that true after appends, the segment they went to carrying the new state", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await staffCall(`/admin/dev/locks/${LOCK_ID}/activity`, { method: "POST" });
      expect(res.status).toBe(200);
    }
    const appended = await read();
    expect(appended.eventCount).toBe(longest.events.length + 3);
    const segments = await listSegments(env.EVENTS, "lock", longest.id);
    expect(segments.length).toBeLessThanOrEqual(4);
    expect(segments.at(-1)).toMatchObject({
      lastSeq: appended.eventCount,
      snapshot: { version: lockReducer.version, state: appended.state },
    });

    expect((await deleteLock(LOCK_ID, "mode=DELETE_DO_ONLY")).status).toBe(200);
    const rebuilt = await read();
    expect(rebuilt).toEqual(appended);
    expect(rebuilt.state).toEqual(await fullReplay());
  });

  it("previews a deletion from the listing, counting every event", async () => {
    const res = await deleteLock(LOCK_ID, "mode=DELETE_DO_AND_EVENTS&dryRun=true");
    const body = LockDeletionResponse.parse(await res.json());
    expect(body.plan!.counts.events).toBe(longest.events.length + 3);
    expect(body.plan!.delete.find((i) => i.kind === "events")!.label).toMatch(/in [1-4] R2 segment object/);
  });
});

describe("a state snapshot", () => {
  const events = (from: number, n: number): StoredEvent[] =>
    Array.from({ length: n }, (_, i) => ({
      seq: from + i,
      type: i === 0 && from === 1 ? "LOCK_REGISTERED" : "BATTERY_REPORTED",
      at: new Date(Date.UTC(2026, 0, 1, 0, from + i)).toISOString(),
      data: i === 0 && from === 1 ? { name: "Snap", hubId: null, firmwareVersion: "1" } : { level: from + i },
    }));

  it("written by another version of the fold is ignored: the events are replayed", async () => {
    const id = crypto.randomUUID();
    await writeSegment(env.EVENTS, "lock", id, 0, events(1, 5), {
      version: "lock-state/0",
      state: { name: "stale" },
    });
    const folded = await foldHistory(env.EVENTS, await listSegments(env.EVENTS, "lock", id), lockReducer);
    expect(folded).toMatchObject({ segmentsRead: 1, state: { name: "Snap", batteryLevel: 5, version: 5 } });
  });

  it("of an older segment is the start of the replay of the segments after it", async () => {
    const id = crypto.randomUUID();
    const first = events(1, 4);
    const state = first.reduce(lockReducer.apply, lockReducer.initial());
    await writeSegment(env.EVENTS, "lock", id, 0, first, { version: lockReducer.version, state });
    await writeSegment(env.EVENTS, "lock", id, 1, events(5, 2)); // written without one
    const segments = await listSegments(env.EVENTS, "lock", id);
    const folded = await foldHistory(env.EVENTS, segments, lockReducer);
    expect(folded.segmentsRead).toBe(1);
    expect(folded.state).toEqual(
      (await foldHistory(env.EVENTS, segments, lockReducer, { snapshots: false })).state,
    );
    expect(folded.state).toMatchObject({ batteryLevel: 6, version: 6 });
  });
});
