import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../src/lib/hash.ts";
import { demoBatches, demoData } from "../src/seed/demo-data.ts";
import { LONGEST_HISTORY } from "../src/seed/demo-devices.ts";
import { SEALED_SEGMENT_SIZE } from "../src/storage/event-store.ts";
import { call, json, seed, staffCall, tokenFor } from "./helpers.ts";

describe("the demo data set", () => {
  it("is the same for the same scale, whenever it is generated", () => {
    const a = demoData(0.2, Date.UTC(2026, 0, 1));
    const b = demoData(0.2, Date.UTC(2026, 5, 1));
    const ids = (d: typeof a) => d.aggregates.map((x) => `${x.kind}:${x.id}:${x.events.length}`);
    expect(ids(a)).toEqual(ids(b));
    expect(a.tables.map((t) => t.rows.length)).toEqual(b.tables.map((t) => t.rows.length));
  });

  it("is the same in every batch at scale 10, where one lock holds 100,000 events or more", async () => {
    const digest = async () => {
      const parts: string[] = [];
      let longest = 0;
      for (const batch of demoBatches(10, Date.UTC(2026, 0, 1))) {
        for (const a of batch.aggregates) {
          parts.push(`${a.id}:${a.events.length}:${JSON.stringify(a.events.at(-1))}`);
          longest = Math.max(longest, a.events.length);
        }
        for (const t of batch.tables) parts.push(`${t.table}:${JSON.stringify(t.rows)}`);
      }
      return { hash: await sha256Hex(parts.join("\n")), longest };
    };
    const [a, b] = [await digest(), await digest()];
    expect(a.hash).toBe(b.hash);
    expect(a.longest).toBeGreaterThanOrEqual(LONGEST_HISTORY);
    // Below scale 10 no history is that long.
    expect(Math.max(...demoData(1, Date.now()).aggregates.map((x) => x.events.length))).toBeLessThan(10_000);
  });

  it("has locks with long histories and organization acme owned by owner@acme.example", () => {
    const data = demoData(1, Date.now());
    const lockEvents = data.aggregates.filter((a) => a.kind === "lock").map((a) => a.events.length);
    expect(lockEvents.filter((n) => n >= 2000)).toHaveLength(3);
    expect(Math.min(...lockEvents)).toBeLessThan(200);
    const members = data.tables.find((t) => t.table === "org_members")!.rows;
    expect(members).toContainEqual(["acme", "owner@acme.example", "OWNER"]);
  });
});

describe("POST /admin/dev/seed", () => {
  it("seeds an empty environment once, storing long histories in few R2 objects", async () => {
    const first = await seed();
    expect(first.seeded).toBe(true);
    expect(first.counts).toMatchObject({ locks: 16, hubs: 3, organizations: 1 });
    expect(first.counts.events).toBeGreaterThan(2000);

    const again = await seed();
    expect(again).toEqual({ seeded: false, counts: first.counts });

    const longest = await env.DB.prepare(
      "SELECT id, event_count, segment_count FROM aggregates WHERE kind = 'lock' ORDER BY event_count DESC LIMIT 1",
    ).first<{ id: string; event_count: number; segment_count: number }>();
    expect(longest!.event_count).toBeGreaterThanOrEqual(2000);
    expect(longest!.segment_count).toBe(Math.ceil(longest!.event_count / SEALED_SEGMENT_SIZE));
    const listed = await env.EVENTS.list({ prefix: `events/lock/${longest!.id}/` });
    expect(listed.objects).toHaveLength(longest!.segment_count);
  });

  it("reports the same counts at GET /admin/environment", async () => {
    const res = await staffCall("/admin/environment");
    expect(res.status).toBe(200);
    const body = await json<{ name: string; counts: Record<string, number> }>(res);
    expect(body.name).toBe("dev");
    expect(body.counts.locks).toBe(16);
  });

  it("is refused to non-staff", async () => {
    const res = await call("/admin/dev/seed", {
      method: "POST",
      headers: {
        Authorization: `Bearer ${await tokenFor("alice@example.com")}`,
        "X-API-Key": "dev-admin-key",
      },
    });
    expect(res.status).toBe(403);
  });
});
