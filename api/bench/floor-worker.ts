// The storage floor of `npm run bench`: the least a Worker can do for what the api's figures measure,
// on the same kind of local storage, so each api figure has a baseline from the same run.
// - search: `GET /pk` is one primary-key read of a lock; `GET /search` runs the api's own search
//   function with no HTTP framework or auth around it (on a copy of the api's D1 state).
// - delete-all (and restores, later): `POST /fill/*` writes R2 objects, D1 rows and Durable Object
//   states in the numbers the api's run held; `POST /delete` deletes them directly.
import { DurableObject } from "cloudflare:workers";
import type { TargetType } from "@cleanup/shared";
import { naturalKey } from "../src/domain/natural-key.ts";
import { searchStatements, searchTargets } from "../src/domain/search.ts";
import { PLACES } from "../src/seed/demo-devices.ts";
import { LAST_NAMES } from "../src/seed/demo-people.ts";
import { Prng } from "../src/seed/prng.ts";

type FloorEnv = { DB: D1Database; EVENTS: R2Bucket; STATES: DurableObjectNamespace<FloorState> };

const PREFIX = "events/floor/";
const DO_CONCURRENCY = 16;

/** A Durable Object holding one value: the floor's "DO state". */
export class FloorState extends DurableObject<FloorEnv> {
  async fill(bytes: number): Promise<void> {
    await this.ctx.storage.put("state", "x".repeat(bytes));
  }
  async clear(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}

const stub = (env: FloorEnv, i: number) => env.STATES.get(env.STATES.idFromName(`floor-${i}`));

async function limited(count: number, limit: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** A version-4-shaped UUID from a hash of `text`. */
async function uuidOf(text: string): Promise<string> {
  const b = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))).slice(
    0,
    16,
  );
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const int = (url: URL, name: string) => Number.parseInt(url.searchParams.get(name) ?? "0", 10);

async function fill(env: FloorEnv, what: string, url: URL): Promise<Response> {
  const from = int(url, "from");
  const count = int(url, "count");
  const bytes = int(url, "bytes");
  if (what === "r2") {
    const body = "x".repeat(bytes);
    await limited(count, 16, (i) =>
      env.EVENTS.put(`${PREFIX}${String(from + i).padStart(9, "0")}.ndjson`, body).then(() => undefined),
    );
  } else if (what === "d1") {
    await env.DB.prepare(
      "CREATE TABLE IF NOT EXISTS floor_rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)",
    ).run();
    const statements: D1PreparedStatement[] = [];
    // 50 rows of two values a statement: within D1's 100 bound parameters.
    for (let i = 0; i < count; i += 50) {
      const n = Math.min(50, count - i);
      const values = Array.from({ length: n }, (_, k) => [from + i + k, "x".repeat(bytes)]).flat();
      statements.push(
        env.DB.prepare(
          `INSERT INTO floor_rows (id, payload) VALUES ${Array(n).fill("(?, ?)").join(", ")}`,
        ).bind(...values),
      );
    }
    for (let i = 0; i < statements.length; i += 200) await env.DB.batch(statements.slice(i, i + 200));
  } else if (what === "do") {
    await limited(count, DO_CONCURRENCY, (i) => stub(env, from + i).fill(bytes));
  } else if (what === "locks") {
    // Search rows beyond the seed's locks: named as the seed names them, ids from `from` on, UUIDs
    // from a hash of the id (a PRNG stream could meet the seed's, which draws millions of values).
    const rng = new Prng(from);
    const rows = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const name = `${rng.pick(PLACES)} · ${rng.pick(LAST_NAMES)}`;
        return [
          from + i,
          await uuidOf(`bench-lock-${from + i}`),
          name,
          naturalKey(name),
          null,
          "2026-01-01T00:00:00.000Z",
        ];
      }),
    );
    const statements: D1PreparedStatement[] = [];
    for (let i = 0; i < rows.length; i += 16) {
      const chunk = rows.slice(i, i + 16);
      statements.push(
        env.DB.prepare(
          `INSERT INTO locks (lock_id, uuid, name, sort_key, hub_id, created_at) VALUES ${Array(chunk.length).fill("(?, ?, ?, ?, ?, ?)").join(", ")}`,
        ).bind(...chunk.flat()),
      );
    }
    for (let i = 0; i < statements.length; i += 200) await env.DB.batch(statements.slice(i, i + 200));
  } else return new Response("unknown fill", { status: 404 });
  return Response.json({ filled: what, count });
}

/** Deletes what `fill` wrote, directly: R2 a listed page of 1,000 keys at a time, D1 one statement, each DO state. */
async function deleteAll(env: FloorEnv, states: number): Promise<Response> {
  const steps: Record<string, number> = {};
  let started = Date.now();
  let objects = 0;
  for (;;) {
    const page = await env.EVENTS.list({ prefix: PREFIX, limit: 1000 });
    if (page.objects.length === 0) break;
    await env.EVENTS.delete(page.objects.map((o) => o.key));
    objects += page.objects.length;
  }
  steps.r2 = Date.now() - started;
  started = Date.now();
  await limited(states, DO_CONCURRENCY, (i) => stub(env, i).clear());
  steps.do = Date.now() - started;
  started = Date.now();
  const rows = await env.DB.prepare("DELETE FROM floor_rows RETURNING 1").run();
  steps.d1 = Date.now() - started;
  return Response.json({ objects, rows: rows.results.length, states, steps });
}

export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === "/health") return Response.json({ ok: true });
    if (path === "/pk") {
      const row = await env.DB.prepare(
        "SELECT lock_id, uuid, name, hub_id, created_at FROM locks WHERE lock_id = ?1",
      )
        .bind(int(url, "lockId"))
        .first();
      return Response.json({ item: row });
    }
    if (path === "/search") {
      const type = (url.searchParams.get("type") || undefined) as TargetType | undefined;
      const limit = int(url, "limit") || 20;
      return Response.json(await searchTargets(env.DB, { q: url.searchParams.get("q") ?? "", type, limit }));
    }
    if (path === "/plans") {
      // EXPLAIN QUERY PLAN of every statement of the first page of a search.
      const type = (url.searchParams.get("type") || undefined) as TargetType | undefined;
      const { pages, counts } = searchStatements(env.DB, {
        q: url.searchParams.get("q") ?? "",
        type,
        limit: 20,
      });
      const plans = [];
      for (const s of [...pages, ...counts]) {
        const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${s.sql}`)
          .bind(...s.values)
          .all<{ detail: string }>();
        plans.push({ segment: s.segment, purpose: s.purpose, plan: results.map((r) => r.detail) });
      }
      return Response.json(plans);
    }
    if (request.method === "POST" && path.startsWith("/fill/")) return fill(env, path.slice(6), url);
    if (request.method === "POST" && path === "/delete") return deleteAll(env, int(url, "states"));
    return new Response("not found", { status: 404 });
  },
} satisfies ExportedHandler<FloorEnv>;
