import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { demoData } from "../src/seed/demo-data.ts";
import { call, json, seed, staffCall, tokenFor } from "./helpers.ts";

describe("the demo data set", () => {
  it("is the same for the same scale, whenever it is generated", () => {
    const a = demoData(0.2, Date.UTC(2026, 0, 1));
    const b = demoData(0.2, Date.UTC(2026, 5, 1));
    const ids = (d: typeof a) => d.aggregates.map((x) => `${x.kind}:${x.id}:${x.events.length}`);
    expect(ids(a)).toEqual(ids(b));
    expect(a.tables.map((t) => t.rows.length)).toEqual(b.tables.map((t) => t.rows.length));
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
    expect(longest!.segment_count).toBe(Math.ceil(longest!.event_count / 1000));
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
