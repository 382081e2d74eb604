import { env } from "cloudflare:workers";
import { HubDetail, LockDetail, RestoreResponse, SearchResponse } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { dataFingerprint, deleteLock, json, seedLocksBeforeAll, staffCall } from "./helpers.ts";
import { archivesOf, auditOfJob, jobEnded, leftOf } from "./job-helpers.ts";

const locks = seedLocksBeforeAll();

const read = async (path: string) => {
  const res = await staffCall(path);
  return { status: res.status, body: await res.json() };
};
const restore = (archiveId: string, query = "", headers: Record<string, string> = {}) =>
  staffCall(`/admin/archives/${archiveId}/restore${query ? `?${query}` : ""}`, { method: "POST", headers });

/** Deletes a lock for good and returns its archive's id. */
async function deleteForGood(lockId: number, query = "") {
  const res = await deleteLock(lockId, `mode=DELETE_DO_AND_EVENTS${query}`);
  expect(res.status).toBe(200);
  const [archive] = await archivesOf("lock", String(lockId));
  expect(archive?.status).toBe("verified");
  return archive!.id;
}

/** A lock with events, key assignments and temporary keys, not used by another test. */
async function lockWithEverything(skip: number) {
  const { results } = await env.DB.prepare(
    `SELECT l.lock_id, l.uuid FROM locks l
     WHERE EXISTS (SELECT 1 FROM key_assignments k WHERE k.lock_id = l.lock_id)
       AND EXISTS (SELECT 1 FROM temp_keys t WHERE t.lock_id = l.lock_id)
       AND EXISTS (SELECT 1 FROM aggregates a WHERE a.kind = 'lock' AND a.id = l.uuid AND a.event_count > 0)
     ORDER BY l.lock_id LIMIT 1 OFFSET ?1`,
  )
    .bind(skip)
    .all<{ lock_id: number; uuid: string }>();
  return results[0]!;
}

describe("restoring a lock deleted for good", () => {
  it("brings back exactly what GET /admin/locks answered before, by numeric id and by UUID, and search finds it", async () => {
    const lock = locks[0]!; // the longest history
    const rows = await env.DB.prepare(
      "SELECT (SELECT COUNT(*) FROM temp_keys WHERE lock_id = ?1) AS t, (SELECT COUNT(*) FROM key_assignments WHERE lock_id = ?1) AS k",
    )
      .bind(lock.lock_id)
      .first<{ t: number; k: number }>();
    const byId = await read(`/admin/locks/${lock.lock_id}`);
    const byUuid = await read(`/admin/locks/${lock.uuid}`);
    expect(byId.status).toBe(200);
    const before = LockDetail.parse(byId.body);
    const fingerprint = await dataFingerprint();

    const archiveId = await deleteForGood(lock.lock_id);
    expect((await staffCall(`/admin/locks/${lock.lock_id}`)).status).toBe(404);

    // A dry run writes nothing and shows the plan.
    const preview = await restore(archiveId, "dryRun=true");
    expect(preview.status).toBe(200);
    const plan = RestoreResponse.parse(await preview.json());
    expect(plan).toMatchObject({
      dryRun: true,
      jobId: null,
      targetType: "lock",
      targetId: String(lock.lock_id),
    });
    expect(plan.plan.counts.events).toBe(lock.event_count);
    expect(plan.plan.counts.d1Rows).toMatchObject({ locks: 1, aggregates: 1 });
    expect(plan.plan.restore?.map((i) => i.kind)).toEqual(
      expect.arrayContaining(["events", "d1-rows", "do-state"]),
    );
    expect((await staffCall(`/admin/locks/${lock.lock_id}`)).status).toBe(404);

    const res = await restore(archiveId, "", {
      "If-Match": `"${plan.planToken}"`,
      "X-Audit-Reason": "TICKET-77 deleted by mistake",
    });
    expect(res.status).toBe(200);
    const done = RestoreResponse.parse(await res.json());
    expect(done).toMatchObject({ success: true, dryRun: false });
    expect(done.summary.eventsRestored).toBe(lock.event_count);
    expect(done.summary.doInstancesRebuilt).toBe(1);

    const afterId = await read(`/admin/locks/${lock.lock_id}`);
    const afterUuid = await read(`/admin/locks/${lock.uuid}`);
    expect(afterId.body).toEqual(byId.body);
    expect(afterUuid.body).toEqual(byUuid.body);
    const after = LockDetail.parse(afterId.body);
    for (const field of [
      "state",
      "eventCount",
      "eventBytes",
      "lastEventAt",
      "keyAssignmentCount",
      "tempKeyCount",
      "keyAssignments",
      "createdAt",
      "name",
      "hubId",
      "uuid",
    ] as const) {
      expect(after[field], field).toEqual(before[field]);
    }
    expect(after.tempKeyCount).toBe(rows!.t);
    expect(after.keyAssignmentCount).toBe(rows!.k);
    expect(await dataFingerprint()).toEqual(fingerprint);

    const found = SearchResponse.parse(await json(await staffCall(`/admin/search?q=${lock.uuid}&type=lock`)));
    expect(found.items.map((i) => i.id)).toContain(String(lock.lock_id));

    // Audited as restore-lock: started, then success, with the reason.
    const records = await auditOfJob(done.jobId!);
    expect(records.map((r) => [r.action, r.outcome])).toEqual([
      ["restore-lock", "started"],
      ["restore-lock", "success"],
    ]);
    expect(records[1]!.reason).toBe("TICKET-77 deleted by mistake");
    const [archive] = await archivesOf("lock", String(lock.lock_id));
    expect(archive).toMatchObject({ restoredByJob: done.jobId, restorable: false });

    // The same archive again: 409, nothing written.
    const again = await restore(archiveId);
    expect(again.status).toBe(409);
  });

  it("is 409 when the lock exists again, 404 for an unknown archive, and writes nothing", async () => {
    const lock = await lockWithEverything(1);
    const archiveId = await deleteForGood(lock.lock_id);
    await env.DB.prepare(
      "INSERT INTO locks (lock_id, uuid, name, hub_id, created_at) VALUES (?1, ?2, 'again', NULL, ?3)",
    )
      .bind(lock.lock_id, crypto.randomUUID(), new Date().toISOString())
      .run();
    const res = await restore(archiveId);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { message: string }).message).toMatch(/exists again/);
    expect((await leftOf("lock", lock.uuid, lock.lock_id)).events).toBe(0);
    expect((await restore(crypto.randomUUID())).status).toBe(404);
    expect((await restore("not-a-uuid")).status).toBe(400);
    await env.DB.prepare("DELETE FROM locks WHERE lock_id = ?1").bind(lock.lock_id).run();
  });

  it("refuses a damaged archive with 422 before anything is written", async () => {
    const lock = await lockWithEverything(2);
    const archiveId = await deleteForGood(lock.lock_id);
    const [archive] = await archivesOf("lock", String(lock.lock_id));
    const body = await (await env.EVENTS.get(archive!.path))!.text();
    // One changed byte in the last event: the count is right, the SHA-256 is not.
    await env.EVENTS.put(
      archive!.path,
      body.replace(/"seq":(\d+)([^\n]*)\n$/, (_m, n, rest) => `"seq":${n}${rest.replace(/.$/, " ")}\n`),
    );
    const before = await dataFingerprint();
    const res = await restore(archiveId, "dryRun=true");
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toMatch(/SHA-256.*Nothing was restored/);
    expect((await restore(archiveId)).status).toBe(422);
    expect(await dataFingerprint()).toEqual(before);
    // Events cut short: the count says so.
    const lines = body.split("\n");
    await env.EVENTS.put(archive!.path, `${lines.slice(0, -2).join("\n")}\n`);
    const cut = await restore(archiveId);
    expect(cut.status).toBe(422);
    expect(await dataFingerprint()).toEqual(before);
    await env.EVENTS.put(archive!.path, body);
  });

  it("with cascadeDeleteKeys=false restores the lock and leaves the kept key assignments as they were", async () => {
    const lock = await lockWithEverything(3);
    const before = await read(`/admin/locks/${lock.lock_id}`);
    const archiveId = await deleteForGood(lock.lock_id, "&cascadeDeleteKeys=false");
    const res = await restore(archiveId);
    expect(res.status).toBe(200);
    expect((await read(`/admin/locks/${lock.lock_id}`)).body).toEqual(before.body);
  });

  it("takes the same plan token rules as a deletion: a stale If-Match is 412 and writes nothing", async () => {
    const lock = await lockWithEverything(4);
    const archiveId = await deleteForGood(lock.lock_id);
    const res = await restore(archiveId, "", { "If-Match": '"0123456789abcdef0123456789abcdef"' });
    expect(res.status).toBe(412);
    expect((await staffCall(`/admin/locks/${lock.lock_id}`)).status).toBe(404);
    expect((await restore(archiveId, "", { "If-Match": 'W/"x"' })).status).toBe(400);
    expect((await restore(archiveId, "schedule=PT1M")).status).toBe(400);
  });

  it("20 identical restores at once make one job and one restore", async () => {
    const lock = await lockWithEverything(5);
    const archiveId = await deleteForGood(lock.lock_id);
    const answers = await Promise.all(Array.from({ length: 20 }, () => restore(archiveId)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const jobs = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM jobs WHERE action = 'restore-lock' AND target_id = ?1",
    )
      .bind(String(lock.lock_id))
      .first<{ n: number }>();
    expect(jobs!.n).toBe(1);
  });
});

describe("restoring a hub", () => {
  it("brings back what GET /admin/hubs answered before", async () => {
    const hub = (await env.DB.prepare(
      `SELECT h.id FROM hubs h JOIN aggregates a ON a.kind = 'hub' AND a.id = h.id WHERE a.event_count > 0 ORDER BY h.id LIMIT 1`,
    ).first<{ id: string }>())!;
    const before = await read(`/admin/hubs/${hub.id}`);
    HubDetail.parse(before.body);
    const del = await staffCall(`/admin/cleanup/hubs/${hub.id}?mode=DELETE_DO_AND_EVENTS`, {
      method: "DELETE",
    });
    expect(del.status).toBe(200);
    const [archive] = await archivesOf("hub", hub.id);
    const res = await restore(archive!.id);
    expect(res.status).toBe(200);
    const done = RestoreResponse.parse(await res.json());
    expect(done.targetType).toBe("hub");
    expect((await read(`/admin/hubs/${hub.id}`)).body).toEqual(before.body);
    const records = await auditOfJob(done.jobId!);
    expect(records.map((r) => r.action)).toEqual(["restore-hub", "restore-hub"]);
    const job = await jobEnded(done.jobId!);
    expect(job.steps.map((s) => [s.name, s.status])).toEqual([
      ["record-started", "done"],
      ["freeze-and-check", "done"],
      ["verify-archive", "done"],
      ["write-events", "done"],
      ["write-d1-rows", "done"],
      ["rebuild-do-state", "done"],
      ["record-final", "done"],
    ]);
  });
});
