import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { AuditVerifyResponse } from "@cleanup/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLogStub } from "../src/audit/audit-log.ts";
import type { AuditIndexRow } from "../src/audit/record.ts";
import { deleteLock, json, seedLocksBeforeAll, staffCall } from "./helpers.ts";

// DESIGN 3.6: a changed byte makes verify fail and name the place, also a change that leaves what
// JSON.parse reads unchanged: another reader of the stored bytes (first-wins on a duplicate key, a
// byte-level diff, a log shipper) would see something else than the chain vouches for.
const locks = seedLocksBeforeAll();

const verify = async () => AuditVerifyResponse.parse(await json(await staffCall("/admin/audit/verify")));
const newestRow = async () =>
  (await env.DB.prepare("SELECT * FROM audit_index ORDER BY seq DESC LIMIT 1").first<AuditIndexRow>())!;

/** Rewrites the stored text of the newest record, runs `check`, and puts the original back. */
async function withStoredText(
  change: (text: string) => string,
  check: (row: AuditIndexRow) => Promise<void>,
) {
  const row = await newestRow();
  const original = await (await env.EVENTS.get(row.path))!.text();
  const changed = change(original);
  expect(changed).not.toBe(original);
  expect(JSON.parse(changed)).toEqual(JSON.parse(original));
  await env.EVENTS.put(row.path, changed);
  try {
    await check(row);
  } finally {
    await env.EVENTS.put(row.path, original);
  }
}

beforeAll(async () => {
  for (const lock of locks.slice(0, 2)) await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY");
});

describe("GET /admin/audit/verify checks the stored bytes, not only what they parse to", () => {
  it.each([
    [
      "a duplicate key prepended (a first-wins reader sees another actor)",
      (t: string) => t.replace("{", '{"actor":"someone-else@smartphonekey.com",'),
    ],
    ["a space inserted", (t: string) => t.replace('","', '", "')],
    ["a letter written as a \\u escape", (t: string) => t.replace('"actor":"s', '"actor":"\\u0073')],
    [
      "two keys swapped",
      (t: string) => {
        const record = JSON.parse(t) as Record<string, unknown>;
        const [first, second, ...rest] = Object.entries(record);
        return JSON.stringify(Object.fromEntries([second!, first!, ...rest]));
      },
    ],
  ])("fails for %s, naming the record", async (_name, change) => {
    await withStoredText(change, async (row) => {
      const result = await verify();
      expect(result.ok).toBe(false);
      expect(result.brokenAt).toMatchObject({
        seq: row.seq,
        id: row.id,
        reason: expect.stringContaining("stored bytes"),
      });
    });
    expect((await verify()).ok).toBe(true);
  });

  it("stores every record as its canonical JSON, the bytes verify compares", async () => {
    const row = await newestRow();
    const text = await (await env.EVENTS.get(row.path))!.text();
    const keys = Object.keys(JSON.parse(text) as object);
    expect(keys).toEqual([...keys].sort());
    expect(text).not.toMatch(/\s"|":\s/);
  });

  it("checks a record written before the canonical form in the old writer's form: intact passes, a space fails", async () => {
    const stub = auditLogStub(env);
    const row = await newestRow();
    const original = await (await env.EVENTS.get(row.path))!.text();
    const record = JSON.parse(original) as Record<string, unknown>;
    // The old writer's bytes: JSON.stringify in its own key order (id, seq, … after the draft's fields).
    const { id, seq, at, path, prevHash, hash, ...draft } = record;
    const legacy = JSON.stringify({ ...draft, id, seq, at, path, prevHash, hash });
    expect(legacy).not.toBe(original);
    const since = await runInDurableObject(stub, (_o, state) => {
      const [format] = state.storage.sql
        .exec<{ canonical_since: number }>("SELECT * FROM chain_format")
        .toArray();
      state.storage.sql.exec("UPDATE chain_format SET canonical_since = ?", row.seq + 1);
      return format!.canonical_since;
    });
    try {
      await env.EVENTS.put(row.path, legacy);
      expect(await verify()).toMatchObject({ ok: true });
      await env.EVENTS.put(row.path, legacy.replace('","', '", "'));
      expect((await verify()).brokenAt).toMatchObject({
        seq: row.seq,
        reason: expect.stringContaining("stored bytes"),
      });
    } finally {
      await env.EVENTS.put(row.path, original);
      await runInDurableObject(stub, (_o, state) => {
        state.storage.sql.exec("UPDATE chain_format SET canonical_since = ?", since);
      });
    }
    expect((await verify()).ok).toBe(true);
  });
});
