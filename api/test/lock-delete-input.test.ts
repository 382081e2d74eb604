import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { dataFingerprint, deleteLock, type SeededLock, seed, seededLocks } from "./helpers.ts";

let lock: SeededLock;
let before: Record<string, number>;
beforeAll(async () => {
  await seed();
  lock = (await seededLocks())[2]!;
  before = await dataFingerprint();
});

const FULL = "mode=DELETE_DO_AND_EVENTS";

describe("DELETE /admin/cleanup/locks/{lockId} refuses bad input with a 400 naming the field", () => {
  const cases: [name: string, path: () => string, query: string, field: string][] = [
    ["mode missing", () => String(lock.lock_id), "", "mode"],
    ["lower-case mode", () => String(lock.lock_id), "mode=delete_do_only", "mode"],
    ["unknown mode", () => String(lock.lock_id), "mode=DELETE_EVERYTHING", "mode"],
    [
      "cascadeDeleteKeys=yes",
      () => String(lock.lock_id),
      `${FULL}&cascadeDeleteKeys=yes`,
      "cascadeDeleteKeys",
    ],
    ["dryRun=1", () => String(lock.lock_id), `${FULL}&dryRun=1`, "dryRun"],
    ["unknown parameter", () => String(lock.lock_id), `${FULL}&force=true`, "force"],
    ["mode given twice", () => String(lock.lock_id), `${FULL}&mode=DELETE_DO_ONLY`, "mode"],
    ["lockId 0", () => "0", FULL, "lockId"],
    ["lockId -1", () => "-1", FULL, "lockId"],
    ["lockId 1.5", () => "1.5", FULL, "lockId"],
    ["lockId abc", () => "abc", FULL, "lockId"],
    ["lockId with leading zero", () => `0${lock.lock_id}`, FULL, "lockId"],
    ["lockId ../1", () => encodeURIComponent("../1"), FULL, "lockId"],
    ["lockId with an encoded slash", () => `${lock.lock_id}%2F1`, FULL, "lockId"],
    ["lockId too large", () => "99999999999999999999", FULL, "lockId"],
  ];

  it.each(cases)("%s", async (_name, path, query, field) => {
    const res = await deleteLock(path(), query);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { details: { field: string }[] };
    expect(body).toMatchObject({ error: "Bad Request", code: 400, message: expect.any(String) });
    expect(body.details.map((d) => d.field)).toContain(field);
    expect(res.headers.get("X-Request-Id")).toBeTruthy();
  });

  it("answers 404 for a well-formed id of nothing and for a hub's UUID", async () => {
    const hub = await env.DB.prepare("SELECT id FROM hubs LIMIT 1").first<{ id: string }>();
    for (const id of ["424242", "0b7e6a52-3c1d-4f8e-b9a0-5d2c7e1f3a4b", hub!.id]) {
      const res = await deleteLock(id, FULL);
      expect(res.status, id).toBe(404);
      expect(await res.json()).toMatchObject({ error: "Not Found", code: 404 });
    }
  });

  it("deleted nothing while refusing", async () => {
    expect(await dataFingerprint()).toEqual(before);
  });
});
