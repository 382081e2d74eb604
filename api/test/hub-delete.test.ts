import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { HubDeletionResponse, HubDetail } from "@cleanup/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { hubStub } from "../src/storage/aggregates-registry.ts";
import { dataFingerprint, json, seed, staffCall } from "./helpers.ts";

type HubRow = { id: string; name: string; locks: number; event_count: number };
let hubs: HubRow[];
beforeAll(async () => {
  await seed();
  const { results } = await env.DB.prepare(
    `SELECT h.id, h.name, (SELECT COUNT(*) FROM locks l WHERE l.hub_id = h.id) AS locks, a.event_count
     FROM hubs h JOIN aggregates a ON a.kind = 'hub' AND a.id = h.id ORDER BY locks DESC, h.id`,
  ).all<HubRow>();
  hubs = results;
});

const deleteHub = (id: string, query: string) =>
  staffCall(`/admin/cleanup/hubs/${id}?${query}`, { method: "DELETE" });
const storedKeys = (id: string) =>
  runInDurableObject(hubStub(env, id), async (_i, state) => [...(await state.storage.list()).keys()]);
const detail = async (id: string) => HubDetail.parse(await json(await staffCall(`/admin/hubs/${id}`)));

describe("GET /admin/hubs/{hubId}", () => {
  it("returns the hub with its state replayed from its events", async () => {
    const hub = hubs[0]!;
    const body = await detail(hub.id.toUpperCase());
    expect(body).toMatchObject({
      hubId: hub.id,
      name: hub.name,
      eventCount: hub.event_count,
      lockCount: hub.locks,
    });
    expect(body.state.pairedLocks).toHaveLength(hub.locks);
    expect(body.state.version).toBe(hub.event_count);
  });

  it("names its paired locks from D1, so the list agrees with the count after one is deleted", async () => {
    // The last such hub: the tests below use the first ones and count their locks.
    const hub = hubs.slice(2).findLast((h) => h.locks >= 2)!;
    const before = await detail(hub.id);
    expect(before.locks).toHaveLength(before.lockCount);
    const gone = before.locks![0]!;
    expect(gone).toMatchObject({ lockId: expect.any(Number), name: expect.any(String) });
    expect(before.state.pairedLocks).toContain(gone.uuid);
    await env.DB.prepare("DELETE FROM locks WHERE lock_id = ?1").bind(gone.lockId).run();
    const after = await detail(hub.id);
    expect(after.lockCount).toBe(before.lockCount - 1);
    expect(after.locks).toHaveLength(after.lockCount);
    expect(after.locks!.map((l) => l.uuid)).not.toContain(gone.uuid);
  });

  it("is 404 for a lock's UUID and 400 naming hubId for a non-UUID", async () => {
    const lock = await env.DB.prepare("SELECT uuid FROM locks LIMIT 1").first<{ uuid: string }>();
    expect((await staffCall(`/admin/hubs/${lock!.uuid}`)).status).toBe(404);
    const bad = await staffCall("/admin/hubs/1001");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ details: [{ field: "hubId" }] });
  });
});

describe("DELETE /admin/cleanup/hubs/{hubId}", () => {
  it("refuses bad input naming the field, and a lock's UUID with 404, deleting nothing", async () => {
    const before = await dataFingerprint();
    const hub = hubs[1]!;
    const lock = await env.DB.prepare("SELECT uuid FROM locks LIMIT 1").first<{ uuid: string }>();
    const cases: [string, string, number, string?][] = [
      [hub.id, "", 400, "mode"],
      [hub.id, "mode=DELETE_DO_ONLY&cascadeDeleteKeys=true", 400, "cascadeDeleteKeys"],
      [hub.id, "mode=DELETE_DO_ONLY&dryRun=yes", 400, "dryRun"],
      ["1001", "mode=DELETE_DO_ONLY", 400, "hubId"],
      [`${hub.id}x`, "mode=DELETE_DO_ONLY", 400, "hubId"],
      [lock!.uuid, "mode=DELETE_DO_AND_EVENTS", 404],
    ];
    for (const [id, query, status, field] of cases) {
      const res = await deleteHub(id, query);
      expect(res.status, `${id}?${query}`).toBe(status);
      if (field)
        expect(await res.json()).toMatchObject({
          details: expect.arrayContaining([expect.objectContaining({ field })]),
        });
    }
    expect(await dataFingerprint()).toEqual(before);
  });

  it("DELETE_DO_ONLY empties the DO, and the next read rebuilds the identical state", async () => {
    const hub = hubs[1]!;
    const before = await detail(hub.id);
    expect(await storedKeys(hub.id)).not.toEqual([]);
    const res = await deleteHub(hub.id, "mode=DELETE_DO_ONLY");
    expect(res.status).toBe(200);
    expect(HubDeletionResponse.parse(await res.json())).toMatchObject({ success: true, hubId: hub.id });
    expect(await storedKeys(hub.id)).toEqual([]);
    expect(await detail(hub.id)).toEqual(before);
  });

  it("DELETE_DO_AND_EVENTS archives, then removes events, state and the hub row; paired locks stay", async () => {
    const hub = hubs[0]!;
    const preview = HubDeletionResponse.parse(
      await json(await deleteHub(hub.id, "mode=DELETE_DO_AND_EVENTS&dryRun=true")),
    );
    expect(preview.plan!.keep).toContainEqual(expect.objectContaining({ table: "locks", count: hub.locks }));
    expect(preview.plan!.counts).toMatchObject({
      events: hub.event_count,
      d1Rows: { hubs: 1, aggregates: 1 },
    });

    const res = await deleteHub(hub.id, "mode=DELETE_DO_AND_EVENTS");
    expect(res.status).toBe(200);
    const body = HubDeletionResponse.parse(await res.json());
    expect(body.summary).toMatchObject({
      eventsArchived: hub.event_count,
      eventsDeleted: hub.event_count,
      d1RowsDeleted: { hubs: 1, aggregates: 1 },
    });
    expect(body.deletionSummary).toMatch(
      /^Deleted hub .* for good: \d+ events \(archived and verified at archives\/hub\//,
    );
    expect((await env.EVENTS.get(body.summary.archivePath!))?.customMetadata?.eventCount).toBe(
      String(hub.event_count),
    );
    expect((await env.EVENTS.list({ prefix: `events/hub/${hub.id}/` })).objects).toEqual([]);
    expect((await staffCall(`/admin/hubs/${hub.id}`)).status).toBe(404);
    const paired = await env.DB.prepare("SELECT COUNT(*) AS n FROM locks WHERE hub_id = ?1")
      .bind(hub.id)
      .first<{ n: number }>();
    expect(paired!.n).toBe(hub.locks);
  });
});
