import { env } from "cloudflare:workers";
import {
  AUDIT_REASON_HEADER_MAX_LENGTH,
  AUDIT_REASON_MAX_LENGTH,
  AuditListResponse,
  encodeAuditReason,
} from "@cleanup/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLogStub } from "../src/audit/audit-log.ts";
import {
  ADMIN_KEY,
  call,
  dataFingerprint,
  json,
  type SeededLock,
  seed,
  seededLocks,
  staffHeaders,
  tokenFor,
} from "./helpers.ts";

// Odd input on every parser (path, query, headers): each answer is a refusal with a published
// shape or a normal answer — never a 500 — and nothing is deleted.
let lock: SeededLock;
let token: string;
let before: Record<string, number>;
beforeAll(async () => {
  await seed();
  lock = (await seededLocks())[3]!;
  token = await tokenFor();
  before = await dataFingerprint();
});

const LONG = "9".repeat(5000);
const DRY = "mode=DELETE_DO_AND_EVENTS&dryRun=true";
const lockUrl = (query = "mode=DELETE_DO_AND_EVENTS") => `/admin/cleanup/locks/${lock.lock_id}?${query}`;

type Case = {
  name: string;
  method?: string;
  path: () => string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  /** The field (or header) a 400 names. */
  field?: string;
};

const get = (name: string, path: string, status: number, field?: string): Case => ({
  name,
  path: () => path,
  status,
  field,
});
const del = (name: string, path: () => string, status: number, field?: string): Case => ({
  name,
  method: "DELETE",
  path,
  status,
  field,
});
/** A deletion of a real lock with one odd header. */
const withHeader = (name: string, header: string, value: string, status = 400): Case => ({
  name,
  method: "DELETE",
  path: () => lockUrl(),
  headers: { [header]: value },
  status,
  field: status === 400 ? header : undefined,
});
const devToken = (name: string, body: string, status: number, field?: string): Case => ({
  name,
  method: "POST",
  path: () => "/auth/dev/token",
  body,
  status,
  field,
});

const cases: Case[] = [
  // path parameters
  get("a 5,000-digit lock id", `/admin/locks/${LONG}`, 400, "lockId"),
  del(
    "a 5,000-digit lock id to delete",
    () => `/admin/cleanup/locks/${LONG}?mode=DELETE_DO_ONLY`,
    400,
    "lockId",
  ),
  del("a long hub id", () => `/admin/cleanup/hubs/${"a".repeat(10_000)}?mode=DELETE_DO_ONLY`, 400, "hubId"),
  get("a unicode lock id", `/admin/locks/${encodeURIComponent("ロック１")}`, 400, "lockId"),
  get("fullwidth digits", `/admin/locks/${encodeURIComponent("１２３")}`, 400, "lockId"),
  get("%00 as a lock id", "/admin/locks/%00", 400, "lockId"),
  del(
    "%00 after a lock id",
    () => `/admin/cleanup/locks/${lock.lock_id}%00?mode=DELETE_DO_ONLY`,
    400,
    "lockId",
  ),
  get("broken percent-encoding", "/admin/hubs/%E0%A4%A", 400, "hubId"),
  del("%00 as an organization", () => "/organization/%00/key", 400, "idOrg"),
  del(
    "an emoji project name",
    () => `/apiops/projects/${encodeURIComponent("🔑")}/keys/k/`,
    400,
    "projectName",
  ),
  get("%00 as an audit id", "/admin/audit/%00", 400, "id"),
  del("an empty lock id", () => "/admin/cleanup/locks/?mode=DELETE_DO_ONLY", 404),
  del("extra path segments", () => `/admin/cleanup/locks/${lock.lock_id}/x?mode=DELETE_DO_ONLY`, 404),
  // query strings
  del("mode=A&mode=B", () => lockUrl("mode=DELETE_DO_ONLY&mode=DELETE_DO_AND_EVENTS"), 400, "mode"),
  del("dryRun twice", () => lockUrl(`${DRY}&dryRun=true`), 400, "dryRun"),
  del("an empty mode", () => lockUrl("mode="), 400, "mode"),
  del("a bare mode", () => lockUrl("mode"), 400, "mode"),
  del("mode with %00", () => lockUrl("mode=DELETE_DO_ONLY%00"), 400, "mode"),
  del("an empty parameter name", () => lockUrl(`${DRY}&=1`), 400, ""),
  { ...del("an empty dryRun", () => "/admin/cleanup/delete-all?dryRun=", 400, "dryRun"), method: "POST" },
  get("search for %00", "/admin/search?q=%00", 200),
  get("search for unicode and wildcards", `/admin/search?q=${encodeURIComponent("%_ロック\\")}`, 200),
  get("a too-long search", `/admin/search?q=${"x".repeat(201)}`, 400, "q"),
  get("limit=1e400", "/admin/search?limit=1e400", 400, "limit"),
  get("limit=-0", "/admin/search?limit=-0", 400, "limit"),
  get("an empty limit", "/admin/audit?limit=", 400, "limit"),
  get("a 20-digit cursor", `/admin/audit?cursor=${"9".repeat(20)}`, 400, "cursor"),
  get("an empty from", "/admin/audit?from=", 400, "from"),
  get("an actor with %00", "/admin/audit?actor=%00", 200),
  get("system events limit twice", "/admin/system-events?limit=1&limit=2", 400, "limit"),
  // deletion headers
  withHeader("If-Match unbalanced", "If-Match", '"abc'),
  withHeader("If-Match a list", "If-Match", '"a", "b"'),
  withHeader("If-Match empty quotes", "If-Match", '""'),
  withHeader("If-Match with spaces", "If-Match", "not a token"),
  withHeader("If-Match too long", "If-Match", `"${"a".repeat(129)}"`),
  withHeader("If-Match quoted, unknown", "If-Match", '"deadbeef"', 412),
  // Not one quoted plan token: refused naming the header, never taken as "no If-Match".
  withHeader("If-Match unquoted", "If-Match", "deadbeef"),
  withHeader("If-Match weak", "If-Match", 'W/"deadbeef"'),
  withHeader("If-Match *", "If-Match", "*"),
  withHeader("If-Match two tags", "If-Match", '"deadbeef", "cafe"'),
  withHeader("Idempotency-Key empty", "Idempotency-Key", ""),
  withHeader("Idempotency-Key 256 characters", "Idempotency-Key", "k".repeat(256)),
  withHeader("Idempotency-Key with a space", "Idempotency-Key", "a b"),
  withHeader("Idempotency-Key with a quote and space", "Idempotency-Key", 'a"b c'),
  withHeader(
    "X-Audit-Reason one character too long",
    "X-Audit-Reason",
    "r".repeat(AUDIT_REASON_HEADER_MAX_LENGTH + 1),
  ),
  withHeader("X-Audit-Reason with a tab", "X-Audit-Reason", "INC-1\tdrop"),
  withHeader("X-Audit-Reason with \\x01", "X-Audit-Reason", "INC-1\u0001"),
  withHeader("X-Audit-Reason with DEL", "X-Audit-Reason", "INC-1\u007f"),
  {
    // 500 characters of Japanese, encoded as the console sends them: the longest reason on the wire.
    ...del("X-Audit-Reason of 500 encoded characters on a dry run", () => lockUrl(DRY), 200),
    headers: { "X-Audit-Reason": encodeAuditReason("理".repeat(500)) },
  },
  // the dev issuer's JSON body
  devToken("a body that is not JSON", "{", 400, "body"),
  devToken("a JSON array body", "[]", 400, "body"),
  devToken("an email with NUL", JSON.stringify({ email: "a\u0000@smartphonekey.com", password: "x" }), 401),
  devToken("a numeric email", JSON.stringify({ email: 5, password: "x" }), 400, "email"),
  // credentials
  withHeader("a 10,000-character bearer token", "Authorization", `Bearer ${"x".repeat(10_000)}`, 401),
  withHeader("a three-dot bearer token", "Authorization", "Bearer a.b.c", 401),
  withHeader("a 5,000-character admin key", "X-Admin-API-Key", "k".repeat(5000), 401),
];

const destructive = new Map<string, string>();
/** Refused deletions whose caller was not staff with the admin key: counted into a summary (ADR 018). */
const counted: string[] = [];
const badCredentials = (c: Case) =>
  Object.keys(c.headers ?? {}).some((h) => /^(Authorization|X-Admin-API-Key)$/.test(h));

describe("odd input never yields a 500", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const res = await call(c.path(), {
      method: c.method ?? "GET",
      headers: { ...staffHeaders(token), "Content-Type": "application/json", ...c.headers },
      ...(c.body === undefined ? {} : { body: c.body }),
    });
    const body = (await res.json()) as { details?: { field: string }[] };
    expect(res.status).toBe(c.status);
    expect(res.headers.get("X-Request-Id")).toBeTruthy();
    if (c.field !== undefined) expect(body.details?.map((d) => d.field)).toContain(c.field);
    if (c.method && !c.path().startsWith("/auth/") && res.status >= 400) {
      if (badCredentials(c)) counted.push(c.name);
      else destructive.set(res.headers.get("X-Request-Id")!, c.name);
    }
  });

  it("audited every refused deletion attempt", async () => {
    const res = await call("/admin/audit?outcome=refused&limit=500", { headers: staffHeaders(token) });
    const audited = new Set(AuditListResponse.parse(await json(res)).items.map((i) => i.requestId));
    const missing = [...destructive].filter(([requestId]) => !audited.has(requestId)).map(([, n]) => n);
    expect(destructive.size).toBeGreaterThan(25);
    expect(missing).toEqual([]);
    // The attempts with a token that did not verify are in the summary of their source and minute.
    expect(counted.length).toBeGreaterThanOrEqual(3);
    await auditLogStub(env).flushRefusals(Date.now() + 61_000);
    const summaries = await call("/admin/audit?action=refusal-summary&limit=500", {
      headers: staffHeaders(token),
    });
    const total = AuditListResponse.parse(await json(summaries)).items.reduce(
      (n, i) => n + (i.count ?? 0),
      0,
    );
    expect(total).toBe(counted.length);
  });

  it("deleted nothing", async () => {
    expect(await dataFingerprint()).toEqual(before);
  });

  it("keeps a refused request's over-long reason in its audit record, cut to 500 characters and cleaned", async () => {
    const res = await call(lockUrl(), {
      method: "DELETE",
      headers: { ...staffHeaders(token), "X-Audit-Reason": `INC-9\t${"r".repeat(5000)}` },
    });
    expect(res.status).toBe(400);
    const requestId = res.headers.get("X-Request-Id")!;
    const list = await call("/admin/audit?outcome=refused&limit=5", { headers: staffHeaders(token) });
    const item = AuditListResponse.parse(await json(list)).items.find((i) => i.requestId === requestId);
    expect(item?.reason).toMatch(/^INC-9 r+$/);
    expect(item?.reason).toHaveLength(AUDIT_REASON_MAX_LENGTH);
  });

  it("answers the admin key's alias header the same way", async () => {
    const res = await call(lockUrl("mode=X"), {
      method: "DELETE",
      headers: { Authorization: `Bearer ${token}`, "X-API-Key": ADMIN_KEY },
    });
    expect(res.status).toBe(400);
  });
});
