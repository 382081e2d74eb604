import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { AuditVerifyResponse, DeleteAllResponse, EnvironmentInfo } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { lockStub } from "../src/storage/aggregates-registry.ts";
import { deleteLock, json, seed, seedLocksBeforeAll, staffCall } from "./helpers.ts";

const locks = seedLocksBeforeAll();

const deleteAll = (query = "", headers: Record<string, string> = {}) =>
  staffCall(`/admin/cleanup/delete-all${query}`, { method: "POST", headers });
const environment = async () => EnvironmentInfo.parse(await json(await staffCall("/admin/environment")));

describe("POST /admin/cleanup/delete-all with a body", () => {
  const post = (body: string, contentType = "application/json") =>
    staffCall("/admin/cleanup/delete-all", {
      method: "POST",
      headers: { "Content-Type": contentType },
      body,
    });

  it.each([
    ["truncated JSON", '{"reason": "res', "must be valid JSON"],
    ["not JSON at all", "delete everything", "must be valid JSON"],
    ["a JSON array", "[]", "must be a JSON object"],
    ["JSON null", "null", "must be a JSON object"],
    ["a JSON string", '"yes"', "must be a JSON object"],
  ])("refuses %s with 400 naming body and deletes nothing", async (_name, body, message) => {
    const before = await environment();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: "Bad Request",
      code: 400,
      details: [{ field: "body", message: expect.stringContaining(message) }],
    });
    expect(await environment()).toEqual(before);
  });

  it("refuses a field it does not know (a dryRun in the body must not run a real delete-all)", async () => {
    const before = await environment();
    const res = await post('{"dryRun": true}');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ details: [{ field: "dryRun" }] });
    expect(await environment()).toEqual(before);
  });

  it("refuses a truncated body whatever its Content-Type says", async () => {
    const before = await environment();
    expect((await post('{"a":', "text/plain")).status).toBe(400);
    expect(await environment()).toEqual(before);
  });

  it("takes an empty body, or {}, as no body (a dry run here)", async () => {
    for (const body of ["", "{}"]) {
      const res = await staffCall("/admin/cleanup/delete-all?dryRun=true", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(200);
    }
  });
});

describe("POST /admin/cleanup/delete-all on dev", () => {
  it("previews everything that goes and what stays, deleting nothing", async () => {
    const before = await environment();
    const body = DeleteAllResponse.parse(await json(await deleteAll("?dryRun=true")));
    expect(body).toMatchObject({ success: true, dryRun: true });
    expect(body.plan!.counts).toMatchObject({
      events: before.counts.events,
      // The seed writes events, not DO state: no instance holds any until it is read.
      doInstances: 0,
      d1Rows: { locks: before.counts.locks, users: before.counts.users, hubs: before.counts.hubs },
    });
    expect(body.plan!.keep).toContainEqual(
      expect.objectContaining({ kind: "api-keys", count: before.counts.apiKeys }),
    );
    expect(await environment()).toEqual(before);
    expect((await staffCall("/admin/cleanup/delete-all?dryRun=1", { method: "POST" })).status).toBe(400);
  });

  it("empties events, DO states and D1, keeps API keys and the audit log, and can be seeded again", async () => {
    const lock = locks[0]!;
    const seeded = await environment();
    await staffCall(`/admin/locks/${lock.lock_id}`); // materialise one DO
    await deleteLock(locks[1]!.lock_id, "mode=DELETE_DO_ONLY"); // an earlier audit record
    expect((await deleteLock(locks[2]!.lock_id, "mode=DELETE_DO_AND_EVENTS")).status).toBe(200);
    const archives = await env.EVENTS.list({ prefix: "archives/" });
    expect(archives.objects).toHaveLength(1);
    const preview = DeleteAllResponse.parse(await json(await deleteAll("?dryRun=true")));
    expect(preview.plan!.keep).toContainEqual(
      expect.objectContaining({ kind: "archive", count: 1, bytes: archives.objects[0]!.size }),
    );
    const before = await environment();
    const recordsBefore = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_index").first<{
      n: number;
    }>();

    const res = await deleteAll("", { "X-Audit-Reason": "reset before test run" });
    expect(res.status).toBe(200);
    const body = DeleteAllResponse.parse(await res.json());
    expect(body.success).toBe(true);
    expect(body.steps.map((o) => [o.name, o.status])).toEqual([
      ["record-started", "done"],
      ["freeze-and-check", "done"],
      ["delete-events", "done"],
      ["delete-do-state", "done"],
      ["delete-d1-rows", "done"],
    ]);
    expect(preview.plan!.counts.doInstances).toBe(1);
    // The job compared its plan before deleting anything (a part-done job would only re-freeze).
    expect(body.operations[1]).toMatch(/^freeze-and-check: the plan is unchanged since the request/);
    expect(body.summary).toMatchObject({
      eventsDeleted: before.counts.events,
      // Only the one instance that held state (the lock read above): the cost follows the data.
      doInstancesDeleted: 1,
    });
    expect(body.operations[3]).toBe(
      "delete-do-state: the state of 1 Durable Object(s) that held any deleted; the others held none",
    );

    const after = await environment();
    expect(after.counts).toEqual({
      hubs: 0,
      locks: 0,
      users: 0,
      keyAssignments: 0,
      tempKeys: 0,
      organizations: 0,
      orgKeys: 0,
      projects: 0,
      jwks: 0,
      events: 0,
      apiKeys: before.counts.apiKeys,
    });
    expect((await env.EVENTS.list({ prefix: "events/" })).objects).toEqual([]);
    expect((await env.EVENTS.list({ prefix: "archives/" })).objects.map((o) => o.key)).toEqual(
      archives.objects.map((o) => o.key),
    );
    const keys = await runInDurableObject(
      lockStub(env, lock.uuid),
      async (_i, s) => (await s.storage.list()).size,
    );
    expect(keys).toBe(0);

    const verified = AuditVerifyResponse.parse(await json(await staffCall("/admin/audit/verify")));
    expect(verified.ok).toBe(true);
    expect(verified.checked).toBe(recordsBefore!.n + 2); // every earlier record and the reset's two

    const reseeded = await seed();
    expect(reseeded.seeded).toBe(true);
    expect(reseeded.counts).toEqual(seeded.counts);
  });
});
