import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { deleteLock, seedLocksBeforeAll } from "./helpers.ts";

// Security review finding 1 (HIGH): concurrent deletions of one target all execute. Fixed by the
// `jobs` branch (one Workflow job per target; its api/test/job-concurrency.test.ts covers 20 at
// once), not here: skipped until jobs lands on main, then this case can go or be unskipped.
const locks = seedLocksBeforeAll();

describe("concurrent deletions of one lock", () => {
  it.skip("DESIGN 3.3: of ten at once (no Idempotency-Key) exactly one executes, one success record [finding 1: the jobs branch]", async () => {
    const lock = locks[0]!;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS")),
    );
    const statuses = results.map((r) => r.status);
    const { results: successes } = await env.DB.prepare(
      "SELECT id FROM audit_index WHERE target_type = 'lock' AND target_id = ?1 AND outcome = 'success'",
    )
      .bind(String(lock.lock_id))
      .all();
    expect(
      statuses.filter((s) => s === 200),
      `statuses ${statuses.join(",")}`,
    ).toHaveLength(1);
    expect(successes).toHaveLength(1);
  });
});
