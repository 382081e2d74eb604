import { env } from "cloudflare:workers";
import { LockDetail, SearchResponse } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { json, seedLocksBeforeAll, staffCall } from "./helpers.ts";

const locks = seedLocksBeforeAll();

describe("GET /admin/locks/{lockId}", () => {
  it("returns the lock with its state replayed from a long history, by numeric id or UUID", async () => {
    const longest = locks[0]!;
    const byId = await staffCall(`/admin/locks/${longest.lock_id}`);
    expect(byId.status).toBe(200);
    const detail = LockDetail.parse(await byId.json());
    expect(detail).toMatchObject({ lockId: longest.lock_id, uuid: longest.uuid, name: longest.name });
    expect(detail.eventCount).toBe(longest.event_count);
    expect(detail.eventCount).toBeGreaterThanOrEqual(2000);
    expect(detail.state.version).toBe(detail.eventCount);
    expect(detail.state.name).toBe(longest.name);
    expect(detail.keyAssignmentCount).toBe(longest.key_assignments);
    expect(detail.state.keyHolders.toSorted()).toEqual(detail.keyAssignments.map((k) => k.userId).toSorted());

    const byUuid = await staffCall(`/admin/locks/${longest.uuid.toUpperCase()}`);
    expect(await byUuid.json()).toEqual(detail);
  });

  it("is 404 for a well-formed id of nothing and for a hub's UUID", async () => {
    const hub = await env.DB.prepare("SELECT id FROM hubs LIMIT 1").first<{ id: string }>();
    for (const id of ["999999", "7d0f3d5e-1f0a-4c3e-9a4b-2f1e0c9b8a7d", hub!.id]) {
      const res = await staffCall(`/admin/locks/${id}`);
      expect(res.status, id).toBe(404);
      expect(await res.json()).toMatchObject({ error: "Not Found", code: 404 });
    }
  });

  it("is 400 naming lockId for a malformed id, and naming an unknown query parameter", async () => {
    const res = await staffCall("/admin/locks/12abc");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ details: [{ field: "lockId" }] });
    const extra = await staffCall(`/admin/locks/${locks[0]!.lock_id}?verbose=true`);
    expect(extra.status).toBe(400);
    expect(await extra.json()).toMatchObject({
      details: [{ field: "verbose", message: "is not a known parameter" }],
    });
  });
});

describe("GET /admin/search", () => {
  it("finds a lock by id, by UUID and by name, with the id the delete path takes", async () => {
    const lock = locks[1]!;
    for (const q of [String(lock.lock_id), lock.uuid, lock.name]) {
      const res = await staffCall(`/admin/search?q=${encodeURIComponent(q)}&type=lock`);
      const { items } = SearchResponse.parse(await res.json());
      expect(items[0], q).toMatchObject({ type: "lock", id: String(lock.lock_id) });
    }
  });

  it("lists every type when q is empty and honours limit", async () => {
    const { items } = SearchResponse.parse(await json(await staffCall("/admin/search?limit=8")));
    expect(items).toHaveLength(8);
    expect(new Set(items.map((i) => i.type))).toEqual(
      new Set(["lock", "hub", "organization", "project-key"]),
    );
  });

  it("finds organization acme and project keys by projectName/keyName", async () => {
    const org = SearchResponse.parse(await json(await staffCall("/admin/search?q=acme&type=organization")));
    expect(org.items[0]).toMatchObject({ type: "organization", id: "acme" });
    const key = await env.DB.prepare("SELECT project_name, name FROM project_keys LIMIT 1").first<{
      project_name: string;
      name: string;
    }>();
    const id = `${key!.project_name}/${key!.name}`;
    const found = SearchResponse.parse(
      await json(await staffCall(`/admin/search?q=${encodeURIComponent(id)}`)),
    );
    expect(found.items[0]).toEqual({ type: "project-key", id, label: id });
  });

  it("treats wildcards literally and rejects bad parameters naming them", async () => {
    const literal = SearchResponse.parse(await json(await staffCall("/admin/search?q=%25%25")));
    expect(literal.items).toEqual([]);
    for (const [query, field] of [
      ["type=user", "type"],
      ["limit=0", "limit"],
      ["limit=abc", "limit"],
      ["sort=name", "sort"],
    ]) {
      const res = await staffCall(`/admin/search?${query}`);
      expect(res.status, query).toBe(400);
      expect(await res.json(), query).toMatchObject({ error: "Bad Request", details: [{ field }] });
    }
  });
});
