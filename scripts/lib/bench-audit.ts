// The audit log at scale: tens of thousands of real records written through the api (refused and
// successful deletions a staff member could send), then the listing's first page against pages deep
// in the history, with and without filters, and the chain verification over every record.
import { performance } from "node:perf_hooks";
import { type BenchClient, median, type Row, row, type Timed } from "./bench-client.ts";

type Summary = { seq: number; outcome: string; actor: string; targetId: string };
type Page = { items: Summary[]; nextCursor: string | null };
type Verify = { ok: boolean; checked: number; nextAfterSeq?: number | null };

/** One request a staff member could send; every one of them leaves exactly one audit record. */
type Attempt = { method: string; path: string; headers: Record<string, string>; expect: number[] };

export type AuditGeneration = {
  records: number;
  requests: number;
  ms: number;
  perSecond: number;
  concurrency: number;
  /** HTTP status of the requests that wrote them, e.g. `{ "200": 10000, "412": 5000, "400": 5000 }`. */
  statuses: Record<string, number>;
  /** Round-trip time of one request at that concurrency. */
  requestMs: { median: number; p95: number; max: number };
};

const lockPath = (id: string, query: string) => `/admin/cleanup/locks/${id}?${query}`;
const reasonOf = (i: number) => `SUP-${4000 + (i % 700)}`;

/**
 * The mix, in turn: a lock deletion whose options changed since its preview (`If-Match` with the
 * preview's token → 412, refused), a hub's `DELETE_DO_ONLY` (success; the next access restores the
 * state from R2), a mistyped mode (400, refused), a lock's `DELETE_DO_ONLY` (success).
 */
function attemptOf(i: number, locks: { id: string; token: string }[], hubs: string[]): Attempt {
  const lock = locks[Math.floor(i / 4) % locks.length]!;
  const hub = hubs[Math.floor(i / 4) % hubs.length]!;
  const reason = { "X-Audit-Reason": reasonOf(i) };
  switch (i % 4) {
    case 0:
      return {
        method: "DELETE",
        path: lockPath(lock.id, "mode=DELETE_DO_ONLY&cascadeDeleteKeys=true"),
        headers: { ...reason, "If-Match": `"${lock.token}"` },
        expect: [412],
      };
    case 1:
      return {
        method: "DELETE",
        path: `/admin/cleanup/hubs/${hub}?mode=DELETE_DO_ONLY`,
        headers: reason,
        expect: [200],
      };
    case 2:
      return { method: "DELETE", path: lockPath(lock.id, "mode=DELETE_DO"), headers: {}, expect: [400] };
    default:
      return {
        method: "DELETE",
        path: lockPath(lock.id, "mode=DELETE_DO_ONLY&cascadeDeleteKeys=false"),
        headers: reason,
        expect: [200],
      };
  }
}

/** The highest `seq` in the log (its record count, the chain having no gaps), 0 when empty. */
async function headSeq(client: BenchClient): Promise<number> {
  const { body } = await client.call<Page>("GET", "/admin/audit?limit=1");
  return body.items[0]?.seq ?? 0;
}

/** The locks with the shortest histories (cheap to replay) and their preview with other options. */
async function previewedLocks(client: BenchClient, count: number) {
  const { body } = await client.call<{ items: { id: string }[] }>("GET", "/admin/search?type=lock&limit=100");
  const sized = [];
  for (const { id } of body.items) {
    const detail = await client.call<{ eventCount: number }>("GET", `/admin/locks/${id}`);
    sized.push({ id, events: detail.body.eventCount });
  }
  const shortest = sized.sort((a, b) => a.events - b.events).slice(0, count);
  const locks = [];
  for (const { id } of shortest) {
    const preview = lockPath(id, "mode=DELETE_DO_ONLY&cascadeDeleteKeys=false&dryRun=true");
    const { body: plan } = await client.call<{ planToken: string }>("DELETE", preview);
    locks.push({ id, token: plan.planToken });
  }
  return locks;
}

/**
 * Writes at least `target` audit records through the api, `concurrency` requests in flight, the
 * workers alternating between two staff accounts (so the actor filter has something to select).
 */
export async function generateAuditRecords(
  clients: BenchClient[],
  target: number,
  concurrency = 8,
): Promise<AuditGeneration> {
  const first = clients[0]!;
  const locks = await previewedLocks(first, 20);
  const { body: hubList } = await first.call<{ items: { id: string }[] }>(
    "GET",
    "/admin/search?type=hub&limit=100",
  );
  const hubs = hubList.items.map((h) => h.id);
  const before = await headSeq(first);
  const statuses: Record<string, number> = {};
  const times: number[] = [];
  let next = 0;
  // A refusal writes one record; a deletion, a job, writes two (its `started` and its final record).
  let planned = 0;
  const started = performance.now();
  const worker = async (w: number) => {
    const client = clients[w % clients.length]!;
    while (planned < target) {
      const i = next++;
      const a = attemptOf(i, locks, hubs);
      planned += a.expect.includes(200) ? 2 : 1;
      const res = await client.call(a.method, a.path, { headers: a.headers, expect: a.expect });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      times.push(res.ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const ms = performance.now() - started;
  const records = (await headSeq(first)) - before;
  if (records !== planned) throw new Error(`expected ${planned} new audit records, the log has ${records}`);
  const sorted = times.sort((a, b) => a - b);
  return {
    records,
    requests: next,
    ms: Math.round(ms),
    perSecond: Math.round((records / ms) * 1000),
    concurrency,
    statuses,
    requestMs: {
      median: Math.round(median(sorted) * 10) / 10,
      p95: Math.round(sorted[Math.floor(sorted.length * 0.95)]! * 10) / 10,
      max: Math.round(sorted.at(-1)! * 10) / 10,
    },
  };
}

export type AuditWalk = {
  /** `""` for the whole log, else the query string of the filter. */
  filter: string;
  limit: number;
  pages: number;
  records: number;
  /** Wall time of each page as the walk met it. */
  firstMs: number;
  medianMs: number;
  slowestMs: number;
  slowestPage: number;
  lastMs: number;
  /** Cursor of the last page, to time it again. */
  lastCursor: string | null;
  totalMs: number;
};

const listUrl = (filter: string, limit: number, cursor: string | null) =>
  `/admin/audit?${[filter, `limit=${limit}`, cursor ? `cursor=${cursor}` : ""].filter(Boolean).join("&")}`;

/** Follows the cursors from the newest record to the oldest one that matches `filter`. */
async function walk(client: BenchClient, filter: string, limit: number): Promise<AuditWalk> {
  const times: number[] = [];
  let cursor: string | null = null;
  let lastCursor: string | null = null;
  let records = 0;
  let previousSeq = Number.POSITIVE_INFINITY;
  do {
    const { ms, body }: Timed<Page> = await client.call<Page>("GET", listUrl(filter, limit, cursor));
    for (const item of body.items) {
      if (item.seq >= previousSeq)
        throw new Error(`audit paging went back: ${item.seq} after ${previousSeq}`);
      previousSeq = item.seq;
    }
    times.push(ms);
    records += body.items.length;
    lastCursor = cursor;
    cursor = body.nextCursor;
  } while (cursor);
  const slowest = Math.max(...times);
  return {
    filter,
    limit,
    pages: times.length,
    records,
    firstMs: times[0]!,
    medianMs: median(times),
    slowestMs: slowest,
    slowestPage: times.indexOf(slowest) + 1,
    lastMs: times.at(-1)!,
    lastCursor,
    totalMs: times.reduce((a, b) => a + b, 0),
  };
}

export type AuditPaging = { rows: Row[]; walks: AuditWalk[]; verify: { ms: number[]; checked: number } };

/**
 * The console's page size (100) from the newest record to the oldest: the whole log, two common
 * filters (an outcome, one staff member), a rare one (one hub's id, as the console's "Target id"
 * field sends it) and one that matches nothing (`outcome=failure`). Each filter's last page is timed
 * again (median of `runs`) against the whole log's first page; `verify` walks the chain over every record.
 */
export async function measureAuditPaging(
  client: BenchClient,
  opts: { runs: number; actor: string; hubId: string; verifyRuns?: number },
): Promise<AuditPaging> {
  const limit = 100;
  const filters: [string, string][] = [
    ["", "whole log"],
    ["outcome=success", "outcome=success"],
    [`actor=${encodeURIComponent(opts.actor)}`, `actor=${opts.actor}`],
    [`targetId=${opts.hubId}`, "targetId=<one hub>"],
    ["outcome=failure", "outcome=failure (none)"],
  ];
  const rows: Row[] = [];
  const walks: AuditWalk[] = [];
  const firstPage = await client.median(opts.runs, () => client.call("GET", listUrl("", limit, null)));
  for (const [filter, label] of filters) {
    const w = await walk(client, filter, limit);
    walks.push(w);
    const last = await client.median(opts.runs, () =>
      client.call("GET", listUrl(filter, limit, w.lastCursor)),
    );
    const walked = `walk: median ${Math.round(w.medianMs)} ms, slowest ${Math.round(w.slowestMs)} ms (page ${w.slowestPage})`;
    rows.push(
      row(
        `audit ${label}: page ${w.pages} of ${w.pages} vs whole-log page 1`,
        firstPage,
        last,
        `${w.records} records; ${walked}`,
      ),
    );
  }
  const verifyMs: number[] = [];
  let checked = 0;
  for (let i = 0; i < (opts.verifyRuns ?? 3); i++) {
    const { ms, body } = await client.call<Verify>("GET", "/admin/audit/verify");
    if (!body.ok) throw new Error(`the audit chain does not verify: ${JSON.stringify(body)}`);
    verifyMs.push(ms);
    checked = body.checked;
  }
  rows.push(
    row(
      `audit verify (${checked} records) vs whole-log page 1`,
      firstPage,
      median(verifyMs),
      verifyMs.length === 1 ? "single run" : `median of ${verifyMs.length}`,
    ),
  );
  // As the console verifies: stretches of 1,000 records, each its own request.
  const stretchMs: number[] = [];
  for (let afterSeq: number | null = 0; afterSeq !== null; ) {
    const { ms, body }: Timed<Verify> = await client.call<Verify>(
      "GET",
      `/admin/audit/verify?afterSeq=${afterSeq}&limit=1000`,
    );
    if (!body.ok) throw new Error(`the audit chain does not verify: ${JSON.stringify(body)}`);
    stretchMs.push(ms);
    afterSeq = body.nextAfterSeq ?? null;
  }
  rows.push(
    row(
      `audit verify in stretches of 1,000 (console): slowest of ${stretchMs.length} vs whole-log page 1`,
      firstPage,
      Math.max(...stretchMs),
      `all stretches: ${Math.round(stretchMs.reduce((a, b) => a + b, 0))} ms`,
    ),
  );
  return { rows, walks, verify: { ms: verifyMs.map(Math.round), checked } };
}
