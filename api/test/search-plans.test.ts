import { env } from "cloudflare:workers";
import type { TargetType } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { searchStatements, searchTargets } from "../src/domain/search.ts";
import { seedLocksBeforeAll } from "./helpers.ts";

const locks = seedLocksBeforeAll();

type PlanRow = { id: number; parent: number; detail: string };

/** `EXPLAIN QUERY PLAN` of every statement one search page runs. */
async function plans(q: string, type?: TargetType, cursor?: string) {
  const { pages, counts } = searchStatements(env.DB, { q, type, limit: 20, cursor });
  return Promise.all(
    [...pages, ...counts].map(async (s) => {
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${s.sql}`)
        .bind(...s.values)
        .all<PlanRow>();
      return { statement: `${s.segment} (${s.purpose})`, plan: results.map((r) => r.detail) };
    }),
  );
}

describe("every search statement reads an index, never a whole table", () => {
  const cases: [string, () => string, TargetType | undefined][] = [
    ["exact numeric id", () => String(locks[0]!.lock_id), undefined],
    ["exact UUID", () => locks[0]!.uuid, undefined],
    ["partial UUID", () => locks[0]!.uuid.slice(0, 8), "lock"],
    ["name prefix", () => "Front", "lock"],
    ["name prefix ending in digits", () => "Hub 1", "hub"],
    ["contains", () => "door", "lock"],
    ["project key id", () => "billing/signing-2026", "project-key"],
    ["one or two characters", () => "a", undefined],
    ["listing", () => "", undefined],
  ];
  for (const [name, term, type] of cases) {
    it(name, async () => {
      for (const { statement, plan } of await plans(term(), type)) {
        const shown = `${statement}: ${plan.join(" | ")}`;
        if (term() === "" || statement.includes(":contains-short")) {
          // The listing, and "contains" of one or two characters, walk the table's key index from the start
          // (or the cursor) as far as the LIMIT (a page; a window of 1,000 rows).
          // The only sort allowed is of the window (after `SCAN w`), never of the table.
          const sorted = plan.indexOf("USE TEMP B-TREE FOR ORDER BY");
          expect(sorted === -1 || (sorted > plan.indexOf("SCAN w") && plan.includes("SCAN w")), shown).toBe(
            true,
          );
          continue;
        }
        // A full scan reads `SCAN t`. Allowed: an FTS lookup (`SCAN locks_fts VIRTUAL TABLE INDEX 64:M1`),
        // the rows of a subquery (`SCAN (subquery-n)`; `SCAN f`, `SCAN w`: a "contains" window of at most
        // 400 rows), `SCAN CONSTANT ROW`.
        const scans = plan.filter((d) =>
          /^SCAN (?!\w+_fts VIRTUAL TABLE INDEX \d+:M)(?!\(subquery)(?!f$)(?!w$)(?!CONSTANT ROW)/.test(d),
        );
        expect(scans, shown).toEqual([]);
        expect(plan.join(" "), shown).toMatch(/SEARCH t|VIRTUAL TABLE INDEX \d+:M/);
      }
    });
  }

  it("a next page continues on the index from the cursor (keyset), for a listing and a prefix", async () => {
    for (const [q, type] of [
      ["", "lock"],
      ["", "hub"],
      ["Front", "lock"],
      ["door", "lock"],
    ] as const) {
      const first = await searchTargets(env.DB, { q, type, limit: 2 });
      expect(first.nextCursor, `${q} ${type}`).toBeDefined();
      for (const { statement, plan } of await plans(q, type, first.nextCursor)) {
        const shown = `${statement}: ${plan.join(" | ")}`;
        expect(
          plan.filter((d) => /^SCAN t\b/.test(d)),
          shown,
        ).toEqual([]);
        // A sort is of one page at most (or of one "contains" window).
        if (!statement.includes(":contains")) expect(plan.join(" "), shown).not.toMatch(/TEMP B-TREE/);
      }
    }
  });
});
