import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { type AuditRecord, AuditVerifyResponse } from "@cleanup/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { appendAudit, auditLogStub } from "../src/audit/audit-log.ts";
import type { AuditDraft } from "../src/audit/record.ts";
import { type AuditIndexRow, auditPath } from "../src/audit/record.ts";
import { deleteLock, json, seedLocksBeforeAll, staffCall } from "./helpers.ts";

const locks = seedLocksBeforeAll();

const verify = async (query = "") =>
  AuditVerifyResponse.parse(await json(await staffCall(`/admin/audit/verify${query}`)));
const rows = async () =>
  (await env.DB.prepare("SELECT * FROM audit_index ORDER BY seq").all<AuditIndexRow>()).results;

const draft = (targetId: string): AuditDraft => ({
  action: "delete-lock",
  targetType: "lock",
  targetId,
  outcome: "started",
  actor: "job-runner@smartphonekey.com",
  environment: "dev",
  reason: null,
  requestId: crypto.randomUUID(),
  jobId: `job-${targetId}`,
  options: {},
  plan: null,
  result: null,
  httpStatus: 202,
});

/** The error an append failed with (it must fail). */
async function failure(append: () => Promise<unknown>): Promise<Error> {
  try {
    await append();
  } catch (err) {
    return err as Error;
  }
  throw new Error("the append did not fail");
}

/** As if D1 went away between the R2 write and the index write: the index table is out of reach. */
async function withIndexUnavailable<T>(run: () => Promise<T>): Promise<T> {
  await env.DB.prepare("ALTER TABLE audit_index RENAME TO audit_index_away").run();
  try {
    return await run();
  } finally {
    await env.DB.prepare("ALTER TABLE audit_index_away RENAME TO audit_index").run();
  }
}

/** Takes the newest `n` records out of the index and R2; returns a function that puts them back. */
async function removeNewest(n: number, { keepInR2 = false } = {}) {
  const removed = (await rows()).slice(-n);
  const objects = await Promise.all(removed.map(async (r) => (await env.EVENTS.get(r.path))!.text()));
  for (const row of removed) {
    await env.DB.prepare("DELETE FROM audit_index WHERE id = ?1").bind(row.id).run();
    if (!keepInR2) await env.EVENTS.delete(row.path);
  }
  return async () => {
    for (const [i, row] of removed.entries()) {
      await env.EVENTS.put(row.path, objects[i]!);
      const columns = Object.keys(row);
      await env.DB.prepare(
        `INSERT INTO audit_index (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      )
        .bind(...Object.values(row))
        .run();
    }
  };
}

beforeAll(async () => {
  for (const lock of locks.slice(0, 4)) await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY");
});

describe("GET /admin/audit/verify against the chain head the AuditLog DO keeps", () => {
  it("is ok for an intact log", async () => {
    expect(await verify()).toMatchObject({ ok: true, checked: (await rows()).length });
  });

  it("fails when the newest record is removed from the index and R2, naming its seq", async () => {
    const newest = (await rows()).at(-1)!;
    const restore = await removeNewest(1);
    const result = await verify();
    expect(result).toMatchObject({
      ok: false,
      brokenAt: { seq: newest.seq, id: newest.id, reason: expect.stringContaining("missing from the end") },
    });
    expect(result.firstBroken).toEqual(result.brokenAt);
    await restore();
    expect((await verify()).ok).toBe(true);
  });

  it("fails when the newest several are removed, naming the first missing one, also in stretches", async () => {
    const all = await rows();
    const restore = await removeNewest(3);
    expect((await verify()).brokenAt).toMatchObject({ seq: all.at(-3)!.seq });
    let afterSeq: number | null = 0;
    let last: AuditVerifyResponse | null = null;
    while (afterSeq !== null) {
      last = await verify(`?afterSeq=${afterSeq}&limit=2`);
      afterSeq = last.ok ? (last.nextAfterSeq ?? null) : null;
    }
    expect(last).toMatchObject({ ok: false, brokenAt: { seq: all.at(-3)!.seq } });
    await restore();
    expect((await verify()).ok).toBe(true);
  });

  it("fails when only the newest index row is removed (its record is still in R2)", async () => {
    const newest = (await rows()).at(-1)!;
    const restore = await removeNewest(1, { keepInR2: true });
    expect((await verify()).brokenAt).toMatchObject({ seq: newest.seq });
    await restore();
  });

  it("names the removed seq itself when a record in the middle is removed, and its id when R2 still holds it", async () => {
    const victim = (await rows()).at(-2)!;
    const object = (await env.EVENTS.get(victim.path))!;
    const text = await object.text();
    const putBack = async () => {
      await env.EVENTS.put(victim.path, text);
      const columns = Object.keys(victim);
      await env.DB.prepare(
        `INSERT INTO audit_index (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      )
        .bind(...Object.values(victim))
        .run();
    };
    // Index row only: the record is still in R2, written but no longer indexed.
    await env.DB.prepare("DELETE FROM audit_index WHERE id = ?1").bind(victim.id).run();
    expect((await verify()).brokenAt).toEqual({
      seq: victim.seq,
      id: victim.id,
      reason: expect.stringContaining("not indexed"),
    });
    // Both: the gap is named at the seq that is missing, not at the next record's.
    await env.EVENTS.delete(victim.path);
    expect((await verify()).brokenAt).toEqual({
      seq: victim.seq,
      id: "",
      reason: expect.stringContaining(`missing from the index: seq ${victim.seq}`),
    });
    await putBack();
    expect((await verify()).ok).toBe(true);
  });

  it("fails for a record in R2 that is not indexed, and for a second record under a taken seq", async () => {
    const all = await rows();
    const template = (await (await env.EVENTS.get(all[0]!.path))!.json()) as AuditRecord;
    const strayId = crypto.randomUUID();
    const stray = auditPath(new Date().toISOString(), all.length + 7, strayId);
    await env.EVENTS.put(stray, JSON.stringify({ ...template, id: strayId, seq: all.length + 7 }));
    expect((await verify()).brokenAt).toMatchObject({
      seq: all.length + 7,
      id: strayId,
      reason: expect.stringContaining("not indexed"),
    });
    await env.EVENTS.delete(stray);

    const second = all[1]!;
    const twinId = crypto.randomUUID();
    const twin = auditPath(second.at, second.seq, twinId);
    await env.EVENTS.put(twin, JSON.stringify({ ...template, id: twinId, seq: second.seq }));
    expect((await verify()).brokenAt).toMatchObject({
      seq: second.seq,
      id: twinId,
      reason: expect.stringContaining("reused"),
    });
    await env.EVENTS.delete(twin);
    expect((await verify()).ok).toBe(true);
  });
});

describe("an append interrupted between the R2 write and the index", () => {
  it("leaves no hidden record and never reuses its seq: the next append completes it first", async () => {
    const before = await rows();
    const error = await withIndexUnavailable(() => failure(() => appendAudit(env, draft("9001"))));
    expect(error.message).toMatch(/audit_index/);
    // Its seq is taken: the record is in R2 and waits in the DO's storage.
    const pending = await runInDurableObject(auditLogStub(env), (_o, state) =>
      state.storage.sql.exec<{ seq: number }>("SELECT seq FROM pending").toArray(),
    );
    expect(pending).toEqual([{ seq: before.length + 1 }]);

    const next = await appendAudit(env, draft("9002"));
    expect(next.seq).toBe(before.length + 2);
    const after = await rows();
    expect(after.map((r) => r.seq)).toEqual([
      ...before.map((r) => r.seq),
      before.length + 1,
      before.length + 2,
    ]);
    expect(after.at(-2)).toMatchObject({ target_id: "9001", job_id: "job-9001", outcome: "started" });
    expect(await verify()).toMatchObject({ ok: true, checked: after.length });
  });

  it("is completed by verify, which says so while it cannot be", async () => {
    const before = await rows();
    await withIndexUnavailable(() => failure(() => appendAudit(env, draft("9003"))));
    const result = await verify();
    expect(result).toMatchObject({ ok: true, checked: before.length + 1 });
  });
});

describe("AuditLog.append with a dedupeKey", () => {
  it("returns the first record for a repeat and writes nothing more", async () => {
    const first = await appendAudit(env, draft("9100"), { dedupeKey: "job-9100:started" });
    const count = (await rows()).length;
    const again = await appendAudit(
      env,
      { ...draft("9100"), outcome: "success" },
      { dedupeKey: "job-9100:started" },
    );
    expect(again).toEqual(first);
    expect((await rows()).length).toBe(count);
    const other = await appendAudit(env, draft("9100"), { dedupeKey: "job-9100:success" });
    expect(other.seq).toBe(first.seq + 1);
  });

  it("holds across a crash between R2 and D1: the retry gets the record the first try began", async () => {
    const count = (await rows()).length;
    await withIndexUnavailable(() =>
      failure(() => appendAudit(env, draft("9200"), { dedupeKey: "job-9200:started" })),
    );
    const retry = await appendAudit(env, draft("9200"), { dedupeKey: "job-9200:started" });
    expect(retry.seq).toBe(count + 1);
    const after = await rows();
    expect(after).toHaveLength(count + 1);
    expect(after.at(-1)!.id).toBe(retry.id);
    expect((await verify()).ok).toBe(true);
  });
});

describe("GET /admin/audit?jobId=", () => {
  it("lists the records of one job", async () => {
    const res = await staffCall("/admin/audit?jobId=job-9100");
    const { items } = (await res.json()) as { items: { jobId: string; outcome: string }[] };
    expect(items.map((i) => [i.jobId, i.outcome])).toEqual([
      ["job-9100", "started"],
      ["job-9100", "started"],
    ]);
  });
});

describe("an index row that the audit writer did not write", () => {
  it("past the chain head fails verify (this test leaves the log broken: it runs last)", async () => {
    const all = await rows();
    const last = all.at(-1)!;
    await env.DB.prepare(
      `INSERT INTO audit_index (id, seq, at, actor, environment, action, target_type, target_id, outcome,
         request_id, path, http_status, prev_hash, hash)
       VALUES (?1, ?2, ?3, 'x', 'dev', 'delete-lock', 'lock', '1', 'success', 'r', ?4, 200, ?5, ?6)`,
    )
      .bind(
        crypto.randomUUID(),
        last.seq + 1,
        new Date().toISOString(),
        "audit/x.json",
        last.hash,
        "f".repeat(64),
      )
      .run();
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.brokenAt!.seq).toBe(last.seq + 1);
  });
});
