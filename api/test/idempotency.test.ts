import { env } from "cloudflare:workers";
import { AuditListResponse, LockDeletionResponse } from "@cleanup/shared";
import { describe, expect, it } from "vitest";
import { call, deleteLock, json, seedLocksBeforeAll, staffCall, staffHeaders, tokenFor } from "./helpers.ts";

const locks = seedLocksBeforeAll();

const auditCount = async () =>
  AuditListResponse.parse(await json(await staffCall("/admin/audit?limit=500"))).items.length;

describe("Idempotency-Key on a deletion", () => {
  it("runs once; a repeat returns the stored result without deleting or auditing again", async () => {
    const lock = locks[2]!;
    const audits = await auditCount();
    const headers = { "Idempotency-Key": "reset-lock-1" };
    const first = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS", headers);
    expect(first.status).toBe(200);
    const firstBody = LockDeletionResponse.parse(await first.json());

    const repeat = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS", headers);
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get("Idempotent-Replayed")).toBe("true");
    expect(LockDeletionResponse.parse(await repeat.json())).toEqual(firstBody);
    expect(await auditCount()).toBe(audits + 1);

    const withoutKey = await deleteLock(lock.lock_id, "mode=DELETE_DO_AND_EVENTS");
    expect(withoutKey.status).toBe(404);
  });

  it("answers 422 for a different request under the same key", async () => {
    const headers = { "Idempotency-Key": "reset-lock-2" };
    expect((await deleteLock(locks[3]!.lock_id, "mode=DELETE_DO_ONLY", headers)).status).toBe(200);
    const other = await deleteLock(locks[3]!.lock_id, "mode=DELETE_DO_AND_EVENTS", headers);
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ error: "Unprocessable Entity", code: 422 });
  });

  it("answers 409 with Retry-After while the first request is still running", async () => {
    const url = `/admin/cleanup/locks/${locks[4]!.lock_id}`;
    const { sha256Hex } = await import("../src/lib/hash.ts");
    const { canonicalJson } = await import("../src/lib/canonical-json.ts");
    const hash = await sha256Hex(
      canonicalJson({ method: "DELETE", path: url, query: [["mode", "DELETE_DO_ONLY"]], ifMatch: null }),
    );
    await env.DB.prepare(
      "INSERT INTO idempotency (actor, idem_key, request_hash, state, created_at, updated_at) VALUES (?1, ?2, ?3, 'running', ?4, ?4)",
    )
      .bind("support@smartphonekey.com", "in-flight", hash, new Date().toISOString())
      .run();
    const res = await deleteLock(locks[4]!.lock_id, "mode=DELETE_DO_ONLY", {
      "Idempotency-Key": "in-flight",
    });
    expect(res.status).toBe(409);
    expect(res.headers.get("Retry-After")).toBe("2");
    expect(await res.json()).toMatchObject({ error: "Conflict", code: 409 });
  });

  it("keeps keys per actor, does not store refusals, and rejects a malformed key", async () => {
    const headers = { "Idempotency-Key": "shared-name" };
    expect((await deleteLock(locks[5]!.lock_id, "mode=DELETE_DO_ONLY", headers)).status).toBe(200);
    const admin = await tokenFor("admin@smartphonekey.com");
    const byAdmin = await call(`/admin/cleanup/locks/${locks[6]!.lock_id}?mode=DELETE_DO_ONLY`, {
      method: "DELETE",
      headers: staffHeaders(admin, headers),
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.headers.get("Idempotent-Replayed")).toBeNull();

    const refusedKey = { "Idempotency-Key": "after-a-typo" };
    expect((await deleteLock(locks[7]!.lock_id, "mode=DELETE_DO_ONLI", refusedKey)).status).toBe(400);
    // The refusal was not stored: the corrected request may reuse the key.
    expect((await deleteLock(locks[7]!.lock_id, "mode=DELETE_DO_ONLY", refusedKey)).status).toBe(200);

    const bad = await deleteLock(locks[7]!.lock_id, "mode=DELETE_DO_ONLY", {
      "Idempotency-Key": "x".repeat(300),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ details: [{ field: "Idempotency-Key" }] });
  });
});
