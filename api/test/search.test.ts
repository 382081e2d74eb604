import { env } from "cloudflare:workers";
import { type SearchItem, SearchResponse } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { naturalKey } from "../src/domain/natural-key.ts";
import { CONTAINS_WINDOW, COUNT_CAP } from "../src/domain/search.ts";
import { insertRows } from "../src/lib/d1.ts";
import { deleteLock, json, seed, seedLocksBeforeAll, staffCall } from "./helpers.ts";

const locks = seedLocksBeforeAll();

async function search(query: string): Promise<SearchResponse> {
  const res = await staffCall(`/admin/search?${query}`);
  expect(res.status, query).toBe(200);
  return SearchResponse.parse(await res.json());
}
const q = (text: string) => `q=${encodeURIComponent(text)}`;
const labels = (items: SearchItem[]) => items.map((i) => i.label);

/** Every page of one search, following nextCursor. */
async function allPages(query: string, limit: number) {
  const pages: SearchResponse[] = [];
  let cursor: string | undefined;
  do {
    const page = await search(
      `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 1000);
  return { pages, items: pages.flatMap((p) => p.items) };
}

/** Inserts hubs as a writer would (with their natural sort key); returns their ids. */
async function insertHubs(names: string[]): Promise<string[]> {
  const rows = names.map((name) => [crypto.randomUUID(), name, naturalKey(name), new Date().toISOString()]);
  await env.DB.batch(insertRows(env.DB, "hubs", ["id", "name", "sort_key", "created_at"], rows));
  return rows.map((r) => r[0] as string);
}

let nextLockId = 900_000;
async function insertLocks(names: string[]) {
  const rows = names.map((name) => [
    nextLockId++,
    crypto.randomUUID(),
    name,
    naturalKey(name),
    null,
    "2026-01-01T00:00:00Z",
  ]);
  const columns = ["lock_id", "uuid", "name", "sort_key", "hub_id", "created_at"];
  await env.DB.batch(insertRows(env.DB, "locks", columns, rows));
  return rows.map((r) => ({ lockId: r[0] as number, uuid: r[1] as string }));
}

/** The FTS tables and row counters hold exactly the rows of their tables. */
async function expectIndexesInStep() {
  const row = await env.DB.prepare(
    `SELECT (SELECT COUNT(*) FROM locks) AS locks, (SELECT COUNT(*) FROM locks_fts) AS locksFts,
            (SELECT n FROM search_counts WHERE target_type = 'lock') AS lockCount,
            (SELECT COUNT(*) FROM hubs) AS hubs, (SELECT COUNT(*) FROM hubs_fts) AS hubsFts,
            (SELECT n FROM search_counts WHERE target_type = 'hub') AS hubCount,
            (SELECT COUNT(*) FROM organizations) AS orgs, (SELECT COUNT(*) FROM organizations_fts) AS orgsFts,
            (SELECT COUNT(*) FROM project_keys) AS keys, (SELECT COUNT(*) FROM project_keys_fts) AS keysFts`,
  ).first<
    Record<
      | "locks"
      | "locksFts"
      | "lockCount"
      | "hubs"
      | "hubsFts"
      | "hubCount"
      | "orgs"
      | "orgsFts"
      | "keys"
      | "keysFts",
      number
    >
  >();
  expect(row!.locksFts).toBe(row!.locks);
  expect(row!.lockCount).toBe(row!.locks);
  expect(row!.hubsFts).toBe(row!.hubs);
  expect(row!.hubCount).toBe(row!.hubs);
  expect(row!.orgsFts).toBe(row!.orgs);
  expect(row!.keysFts).toBe(row!.keys);
  return row!;
}

describe("GET /admin/search by id", () => {
  it("finds a lock by its numeric id and by its UUID in any case, the exact match first", async () => {
    const lock = locks[2]!;
    for (const term of [String(lock.lock_id), lock.uuid, lock.uuid.toUpperCase()]) {
      const { items } = await search(q(term));
      expect(items[0], term).toEqual({
        type: "lock",
        id: String(lock.lock_id),
        label: `${lock.name} (#${lock.lock_id})`,
      });
      expect(
        items.filter((i) => i.type === "lock" && i.id === String(lock.lock_id)),
        term,
      ).toHaveLength(1);
    }
  });

  it("finds locks and hubs by a partial UUID (its first group or more)", async () => {
    const lock = locks[4]!;
    const { items } = await search(`${q(lock.uuid.slice(0, 13))}&type=lock`);
    expect(items.map((i) => i.id)).toContain(String(lock.lock_id));
    const hub = await env.DB.prepare("SELECT id FROM hubs LIMIT 1").first<{ id: string }>();
    const hubs = await search(`${q(hub!.id.slice(0, 8).toUpperCase())}&type=hub`);
    expect(hubs.items.map((i) => i.id)).toContain(hub!.id);
  });

  it("lists locks whose id starts with the digits typed, in id order, after the exact one", async () => {
    const { items } = await search(`q=100&type=lock&limit=100`);
    const ids = items.map((i) => Number(i.id));
    const expected = locks.map((l) => l.lock_id).filter((id) => String(id).startsWith("100"));
    expect(ids).toEqual(expected.toSorted((a, b) => a - b));
  });
});

describe("GET /admin/search by name", () => {
  it("finds names by prefix, ignoring case and accents, in natural order: Hub 2 before Hub 10", async () => {
    await insertHubs(["Hub 10 · Test", "Hub 9 · Test", "Hub 100 · Test", "Hub 2 · Zweig", "Hüb 11 · Test"]);
    const { items } = await search(`q=HUB&type=hub&limit=100`);
    const numbers = labels(items).map((l) => Number(/^H.b (\d+)/.exec(l)?.[1]));
    expect(numbers).toEqual(numbers.toSorted((a, b) => a - b));
    expect(labels(items)).toContain("Hüb 11 · Test");
    expect(labels(items).indexOf("Hub 9 · Test")).toBeLessThan(labels(items).indexOf("Hub 10 · Test"));

    // A term that ends in digits finds every label whose number starts with them, still in natural order.
    const one = await search(`${q("hub 1")}&type=hub&limit=100`);
    expect(labels(one.items).filter((l) => / 1\d* · Test$/.test(l))).toEqual([
      "Hub 10 · Test",
      "Hüb 11 · Test",
      "Hub 100 · Test",
    ]);
    expect(labels(one.items).every((l) => /^h.b 1/i.test(l))).toBe(true);

    // The listing is in natural order too.
    const listing = await allPages("type=hub", 2);
    const listed = labels(listing.items).map((l) => Number(/^H.b (\d+)/.exec(l)?.[1]));
    expect(listed).toEqual(listed.toSorted((a, b) => a - b));
  });

  it("finds a part of a name (3 characters or more) through the trigram index, after the prefix matches and without repeats", async () => {
    const [tuer] = await insertLocks(["Tür · Müller"]);
    const term = "door";
    const { items } = await allPages(`${q(term)}&type=lock`, 3);
    const { results } = await env.DB.prepare(
      "SELECT lock_id FROM locks WHERE name LIKE '%door%' ORDER BY lock_id",
    ).all<{ lock_id: number }>();
    expect(items.map((i) => Number(i.id))).toEqual(results.map((r) => r.lock_id));

    // Prefix matches first, then the others that contain the term; every lock once.
    const front = await search(`${q("fro")}&type=lock&limit=100`);
    const starts = front.items.findLastIndex((i) => i.label.startsWith("Front"));
    expect(front.items.slice(0, starts + 1).every((i) => i.label.startsWith("Front"))).toBe(true);
    expect(new Set(front.items.map((i) => i.id)).size).toBe(front.items.length);

    // Accents and case do not matter either way.
    expect((await search(`${q("MULLER")}&type=lock`)).items.map((i) => Number(i.id))).toEqual([tuer!.lockId]);
    expect((await search(`${q("tur")}&type=lock`)).items.map((i) => Number(i.id))).toEqual([tuer!.lockId]);
    // One or two characters, which no trigram can look up, are read from the rows; wildcards and
    // quotes are plain characters.
    expect((await search(`${q("ll")}&type=lock&limit=100`)).items.map((i) => Number(i.id))).toContain(
      tuer!.lockId,
    );
    expect((await search(`${q('%" OR "')}`)).items).toEqual([]);
    expect((await search(`${q("%")}`)).items).toEqual([]);
  });

  it("reads 'contains' in bounded windows: a page past many prefix matches hands on a cursor, and every match comes once", async () => {
    const prefixed = await insertLocks(
      Array.from({ length: CONTAINS_WINDOW + 10 }, (_, i) => `Quokka Gate ${i + 1}`),
    );
    const inside = await insertLocks(["Back Quokka · One", "Side Quokka · Two"]);
    const { pages, items } = await allPages(`${q("quokka")}&type=lock`, 50);
    const ids = items.map((i) => Number(i.id));
    expect(ids).toHaveLength(prefixed.length + inside.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(-2)).toEqual(inside.map((l) => l.lockId));
    expect(pages[0]!.total).toBe(prefixed.length + inside.length);
  });

  it("finds organizations by id or name and project keys by projectName/keyName or key name", async () => {
    expect((await search(`${q("Acme Corp")}&type=organization`)).items[0]).toMatchObject({ id: "acme" });
    expect((await search(`${q("cme")}&type=organization`)).items[0]).toMatchObject({ id: "acme" });
    const key = await env.DB.prepare("SELECT project_name, name FROM project_keys LIMIT 1").first<{
      project_name: string;
      name: string;
    }>();
    const id = `${key!.project_name}/${key!.name}`;
    expect((await search(`${q(id)}`)).items[0]).toEqual({ type: "project-key", id, label: id });
    expect((await search(`${q(key!.project_name)}&type=project-key`)).items.map((i) => i.id)).toContain(id);
    expect((await search(`${q(key!.name)}&type=project-key`)).items.map((i) => i.id)).toContain(id);
  });
});

describe("GET /admin/search with one or two characters", () => {
  it("finds every type holding them, as the console's typeahead shows after one key", async () => {
    const { items, byType } = await search("q=a&limit=40");
    expect(new Set(items.map((i) => i.type))).toEqual(
      new Set(["lock", "hub", "organization", "project-key"]),
    );
    expect(items.every((i) => i.label.toLowerCase().includes("a") || i.id.toLowerCase().includes("a"))).toBe(
      true,
    );
    expect(Object.keys(byType!).sort()).toEqual(["hub", "lock", "organization", "project-key"]);
    const { results } = await env.DB.prepare(
      "SELECT lock_id FROM locks WHERE name LIKE '%oo%' ORDER BY lock_id",
    ).all<{
      lock_id: number;
    }>();
    const oo = await allPages(`${q("oo")}&type=lock`, 7);
    expect(oo.items.map((i) => Number(i.id))).toEqual(results.map((r) => r.lock_id));
  });
});

describe("GET /admin/search paging and totals", () => {
  it("pages the listing in key order with a cursor, every lock once, with the total on the first page", async () => {
    const { pages, items } = await allPages("type=lock", 25);
    const { results } = await env.DB.prepare("SELECT lock_id FROM locks ORDER BY lock_id").all<{
      lock_id: number;
    }>();
    expect(items.map((i) => Number(i.id))).toEqual(results.map((r) => r.lock_id));
    expect(pages[0]!.total).toBe(results.length);
    expect(pages[0]!.byType).toEqual({ lock: { total: results.length } });
    expect(pages.slice(1).every((p) => p.total === undefined)).toBe(true);
    expect(pages.at(-1)!.nextCursor).toBeUndefined();
  });

  it("gives every type's total when searching them all, counting to 1,000 and 'at least' beyond", async () => {
    const all = await search("limit=5");
    const counts = await env.DB.prepare(
      "SELECT (SELECT COUNT(*) FROM locks) AS lock, (SELECT COUNT(*) FROM hubs) AS hub, (SELECT COUNT(*) FROM organizations) AS organization, (SELECT COUNT(*) FROM project_keys) AS pk",
    ).first<Record<string, number>>();
    expect(all.byType).toEqual({
      lock: { total: counts!.lock },
      hub: { total: counts!.hub },
      organization: { total: counts!.organization },
      "project-key": { total: counts!.pk },
    });
    expect(all.total).toBe(counts!.lock! + counts!.hub! + counts!.organization! + counts!.pk!);
    expect(all.nextCursor).toBeUndefined();

    await insertLocks(Array.from({ length: COUNT_CAP + 5 }, (_, i) => `Bulk Gate ${i + 1}`));
    const many = await search(`${q("bulk")}&type=lock&limit=3`);
    expect(many.total).toBeUndefined();
    expect(many.totalAtLeast).toBe(COUNT_CAP);
    expect(many.items.map((i) => i.label.split(" (#")[0])).toEqual([
      "Bulk Gate 1",
      "Bulk Gate 2",
      "Bulk Gate 3",
    ]);
    const few = await search(`${q("bulk gate 100")}&type=lock`);
    expect(few.total).toBe(7); // 100 and 1000-1005
    expect((await search("type=lock&limit=1")).total).toBe(counts!.lock! + COUNT_CAP + 5);
  });

  it("refuses a cursor of another search, a broken one, or one without type, naming cursor", async () => {
    const first = await search("type=lock&limit=2");
    for (const query of [
      `type=hub&cursor=${first.nextCursor}`,
      `type=lock&q=x&cursor=${first.nextCursor}`,
      "type=lock&cursor=not-a-cursor",
      `cursor=${first.nextCursor}`,
    ]) {
      const res = await staffCall(`/admin/search?${query}`);
      expect(res.status, query).toBe(400);
      expect(await json(res), query).toMatchObject({ error: "Bad Request", details: [{ field: "cursor" }] });
    }
  });
});

describe("the search indexes stay in step with the tables", () => {
  it("forgets a deleted lock by id, UUID, name prefix and part of its name; counts follow", async () => {
    const [lock] = await insertLocks(["Zebra Crossing · Okafor"]);
    await expectIndexesInStep();
    expect((await search(`${q("zebra")}&type=lock`)).items).toHaveLength(1);
    const before = (await search("type=lock&limit=1")).total!;

    expect((await deleteLock(lock!.lockId, "mode=DELETE_DO_AND_EVENTS")).status).toBe(200);
    for (const term of [String(lock!.lockId), lock!.uuid, "zebra", "bra cross"]) {
      expect((await search(`${q(term)}&type=lock`)).items, term).toEqual([]);
    }
    expect((await search("type=lock&limit=1")).total).toBe(before - 1);
    await expectIndexesInStep();
  });

  it("forgets a deleted hub and a deleted project key, by id and by name", async () => {
    const [hubId] = await insertHubs(["Walrus Hub · Tanaka"]);
    const key = await env.DB.prepare("SELECT project_name, name FROM project_keys LIMIT 1").first<{
      project_name: string;
      name: string;
    }>();
    const keyId = `${key!.project_name}/${key!.name}`;
    expect((await search(`${q("walrus")}&type=hub`)).items.map((i) => i.id)).toEqual([hubId]);
    expect((await search(`${q(keyId)}&type=project-key`)).items[0]?.id).toBe(keyId);

    const hub = await staffCall(`/admin/cleanup/hubs/${hubId}?mode=DELETE_DO_AND_EVENTS`, {
      method: "DELETE",
    });
    expect(hub.status).toBe(200);
    const deleted = await staffCall(`/apiops/projects/${key!.project_name}/keys/${key!.name}/`, {
      method: "DELETE",
    });
    expect(deleted.status).toBe(200);
    for (const [term, type] of [
      [hubId!, "hub"],
      ["walrus", "hub"],
      ["rus hub", "hub"],
      [keyId, "project-key"],
    ] as const) {
      expect(
        (await search(`${q(term)}&type=${type}`)).items.map((i) => i.id),
        term,
      ).not.toContain(type === "hub" ? hubId : keyId);
    }
    await expectIndexesInStep();
  });

  it("finds a row written without a sort key (the triggers give it one)", async () => {
    await env.DB.prepare(
      "INSERT INTO hubs (id, name, created_at) VALUES (?1, 'Legacy Hub', '2026-01-01T00:00:00Z')",
    )
      .bind(crypto.randomUUID())
      .run();
    expect(labels((await search(`${q("legacy")}&type=hub`)).items)).toEqual(["Legacy Hub"]);
    expect(labels((await search(`${q("gacy h")}&type=hub`)).items)).toEqual(["Legacy Hub"]);
    await expectIndexesInStep();
  });

  it("is empty after delete-all and whole again after the next seed", async () => {
    const reset = await staffCall("/admin/cleanup/delete-all", { method: "POST" });
    expect(reset.status).toBe(200);
    const empty = await expectIndexesInStep();
    expect(empty.locks + empty.hubs + empty.orgs + empty.keys).toBe(0);
    expect(await search(q("door"))).toMatchObject({ items: [], total: 0 });

    await seed();
    const full = await expectIndexesInStep();
    expect(full.locks).toBe(locks.length);
    expect((await search("type=lock&limit=1")).total).toBe(locks.length);
  });
});
