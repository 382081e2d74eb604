import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { LockDeletionResponse, LockDetail, PreconditionFailedBody } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { lockStub } from "../src/storage/aggregates-registry.ts";
import { dataFingerprint, deleteLock, json, seedLocksBeforeAll, staffCall } from "./helpers.ts";

const locks = seedLocksBeforeAll();

const storedKeys = (uuid: string) =>
  runInDurableObject(lockStub(env, uuid), async (_instance, state) => [
    ...(await state.storage.list()).keys(),
  ]);

async function detail(lockId: number) {
  return LockDetail.parse(await json(await staffCall(`/admin/locks/${lockId}`)));
}

describe("a dry run", () => {
  it("deletes nothing and returns the itemised plan and a token", async () => {
    const lock = locks[3]!;
    const before = await dataFingerprint();
    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS&dryRun=true");
    expect(res.status).toBe(200);
    const body = LockDeletionResponse.parse(await res.json());
    expect(body).toMatchObject({
      success: true,
      dryRun: true,
      lockId: String(lock.lock_id),
      cascadeDeleteKeys: true,
    });
    const { hub_id } = (await env.DB.prepare("SELECT hub_id FROM locks WHERE lock_id = ?1")
      .bind(lock.lock_id)
      .first<{ hub_id: string | null }>())!;
    expect(body.hubId).toBe(hub_id);
    expect(body.planToken).toMatch(/^[0-9a-f]{32}$/);
    expect(body.plan!.counts).toMatchObject({ events: lock.event_count, doInstances: 1 });
    expect(body.plan!.counts.d1Rows).toMatchObject({ locks: 1, key_assignments: lock.key_assignments });
    expect(body.plan!.delete.map((i) => i.kind)).toEqual(
      expect.arrayContaining(["events", "do-state", "d1-rows"]),
    );
    expect(body.plan!.keep.map((i) => i.kind)).toContain("archive");
    expect(body.steps.every((o) => o.status === "skipped")).toBe(true);
    expect(body.operations).toHaveLength(body.steps.length);
    expect(body.operations.every((line) => typeof line === "string")).toBe(true);
    expect(body).toMatchObject({ jobId: null, auditId: null, auditLogPath: "" });
    expect(await dataFingerprint()).toEqual(before);
    expect((await staffCall(`/admin/locks/${lock.lock_id}`)).status).toBe(200);
  });

  it("gives the same token for the same facts and options, another for other options", async () => {
    const lock = locks[3]!;
    const token = async (q: string) =>
      LockDeletionResponse.parse(await json(await deleteLock(lock.lock_id, `${q}&dryRun=true`))).planToken;
    const a = await token("mode=DELETE_DO_AND_EVENTS");
    expect(await token("mode=DELETE_DO_AND_EVENTS&cascadeDeleteKeys=true")).toBe(a);
    expect(await token("mode=DELETE_DO_AND_EVENTS&cascadeDeleteKeys=false")).not.toBe(a);
    expect(await token("mode=DELETE_DO_ONLY")).not.toBe(a);
  });
});

describe("DELETE_DO_ONLY", () => {
  it("removes the DO's stored state, and the next read rebuilds the identical state from the events", async () => {
    const lock = locks[0]!; // the longest history: several segments
    const before = await detail(lock.lock_id);
    expect(await storedKeys(lock.uuid)).not.toEqual([]);

    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY");
    expect(res.status).toBe(200);
    const body = LockDeletionResponse.parse(await res.json());
    expect(body).toMatchObject({ success: true, mode: "DELETE_DO_ONLY", errors: [] });
    expect(body.summary).toMatchObject({ doInstancesDeleted: 1, eventsDeleted: 0 });
    expect(body.deletionSummary).toMatch(/^Deleted the Durable Object state of lock .*; its \d+ events stay/);
    expect(body.auditLogPath).toMatch(/^audit\//);
    expect(body.jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await storedKeys(lock.uuid)).toEqual([]);

    expect(await detail(lock.lock_id)).toEqual(before);
    expect(await storedKeys(lock.uuid)).not.toEqual([]);
  });
});

describe("DELETE_DO_AND_EVENTS", () => {
  it("archives and verifies the events, then removes events, DO state and D1 rows", async () => {
    const lock = locks[1]!;
    await detail(lock.lock_id); // materialise the DO state
    const res = await deleteLock(lock.uuid, "mode=DELETE_DO_AND_EVENTS", { "X-Audit-Reason": "TICKET-1234" });
    expect(res.status).toBe(200);
    const body = LockDeletionResponse.parse(await res.json());
    expect(body.success).toBe(true);
    expect(body.steps.map((o) => [o.name, o.status])).toEqual([
      ["record-started", "done"],
      ["freeze-and-check", "done"],
      ["archive", "done"],
      ["delete-events", "done"],
      ["delete-do-state", "done"],
      ["delete-d1-rows", "done"],
    ]);
    expect(body.operations[2]).toMatch(
      new RegExp(
        `^archive: ${lock.event_count} events → archives/lock/${lock.uuid}/${body.jobId}\\.ndjson, sha256 [0-9a-f]{8}…, verified$`,
      ),
    );
    expect(body.duration).toBeGreaterThan(0);
    expect(body.duration).toBeLessThan(60); // seconds, as published
    expect(body.summary).toMatchObject({
      eventsArchived: lock.event_count,
      eventsDeleted: lock.event_count,
      doInstancesDeleted: 1,
      d1RowsDeleted: { locks: 1, key_assignments: lock.key_assignments, aggregates: 1 },
    });

    expect((await staffCall(`/admin/locks/${lock.lock_id}`)).status).toBe(404);
    expect((await env.EVENTS.list({ prefix: `events/lock/${lock.uuid}/` })).objects).toEqual([]);
    expect(await storedKeys(lock.uuid)).toEqual([]);
    const rows = await env.DB.prepare(
      `SELECT (SELECT COUNT(*) FROM key_assignments WHERE lock_id = ?1) + (SELECT COUNT(*) FROM temp_keys WHERE lock_id = ?1)
            + (SELECT COUNT(*) FROM aggregates WHERE id = ?2) AS n`,
    )
      .bind(lock.lock_id, lock.uuid)
      .first<{ n: number }>();
    expect(rows!.n).toBe(0);

    const archive = await env.EVENTS.get(body.summary.archivePath!);
    const text = await archive!.text();
    const [header, ...events] = text.trim().split("\n");
    expect(events).toHaveLength(lock.event_count);
    // The header holds the D1 rows the deletion removed, so a restore can put them back.
    expect(JSON.parse(header!).header).toMatchObject({
      jobId: body.jobId,
      events: lock.event_count,
      rows: { locks: [expect.objectContaining({ lock_id: lock.lock_id, uuid: lock.uuid })] },
    });
    expect(JSON.parse(header!).header.rows.key_assignments).toHaveLength(lock.key_assignments);
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
    expect(archive!.customMetadata).toMatchObject({ sha256: hex, eventCount: String(lock.event_count) });

    const again = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS");
    expect(again.status).toBe(404);
  });

  it("with cascadeDeleteKeys=false keeps the key assignments, and the plan warns about them", async () => {
    const lock = locks.find((l, i) => i > 3 && l.key_assignments > 0)!;
    const preview = LockDeletionResponse.parse(
      await json(
        await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS&cascadeDeleteKeys=false&dryRun=true"),
      ),
    );
    expect(preview.plan!.warnings.map((w) => w.code)).toContain("ORPHANED_KEY_ASSIGNMENTS");
    expect(preview.plan!.counts.d1Rows).not.toHaveProperty("key_assignments");

    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS&cascadeDeleteKeys=false", {
      "If-Match": `"${preview.planToken}"`,
    });
    expect(res.status).toBe(200);
    const kept = await env.DB.prepare("SELECT COUNT(*) AS n FROM key_assignments WHERE lock_id = ?1")
      .bind(lock.lock_id)
      .first<{ n: number }>();
    expect(kept!.n).toBe(lock.key_assignments);
  });
});

describe("If-Match with a plan token", () => {
  it("refuses with 412 naming what changed since the preview, and deletes nothing", async () => {
    const lock = locks[locks.length - 1]!;
    const preview = LockDeletionResponse.parse(
      await json(await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS&dryRun=true")),
    );
    const activity = await staffCall(`/admin/dev/locks/${lock.lock_id}/activity`, { method: "POST" });
    expect(await activity.json()).toMatchObject({ eventCount: lock.event_count + 1 });

    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS", {
      "If-Match": `"${preview.planToken}"`,
    });
    expect(res.status).toBe(412);
    const body = PreconditionFailedBody.parse(await res.json());
    expect(body.changes.map((c) => c.field)).toEqual(expect.arrayContaining(["eventCount", "lastEventSeq"]));
    expect(body.changes.find((c) => c.field === "eventCount")).toMatchObject({
      previewed: lock.event_count,
      current: lock.event_count + 1,
    });
    expect(body.currentPlanToken).not.toBe(preview.planToken);
    expect((await detail(lock.lock_id)).eventCount).toBe(lock.event_count + 1);

    const unknown = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS", { "If-Match": '"feedface"' });
    expect(unknown.status).toBe(412);
    expect(PreconditionFailedBody.parse(await unknown.json()).changes[0]!.field).toBe("planToken");

    const ok = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS", {
      "If-Match": `"${body.currentPlanToken}"`,
    });
    expect(ok.status).toBe(200);
  });
});
