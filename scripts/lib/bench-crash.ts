// The crash run of `npm run bench` (issue 9): ≥ 50 deletions of varied targets and modes, the api
// process group (`wrangler dev` and its workerd) killed with SIGKILL at a random point of each, then
// started again on the same state and the deletion retried with its Idempotency-Key; finally a
// delete-all, killed the same way. What is left is read from raw storage (bench-crash-storage.ts),
// never from the api, and counted: events lost without an archive, half-deleted targets, wedged
// Idempotency-Keys, missing or doubled audit records, orphan archives. All must be 0.
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { type ApiServer, devToken, startApi } from "./api-server.ts";
import { openRawStorage, type RawStorage } from "./bench-crash-storage.ts";
import {
  type CrashTarget,
  chooseTargets,
  deletionRequest,
  expectedAfter,
  mismatches,
  type Parts,
  partsOf,
  targetLabel,
} from "./bench-crash-targets.ts";
import { requirePortFree } from "./processes.ts";

const ACTOR = "admin@smartphonekey.com";
const LIVE = new Set(["queued", "scheduled", "awaiting-approval", "running"]);
/** How long a retried deletion may take to reach its outcome before its key counts as wedged. */
const SETTLE_MS = 180_000;

type Plan = { counts: { events: number; d1Rows: Record<string, number> } };

/** One deletion of the run, and what became of it. */
export type CrashDeletion = {
  target: CrashTarget;
  label: string;
  idemKey: string;
  planToken: string;
  /** Events the target held before (from its dry-run plan): what an archive must hold. */
  plannedEvents: number;
  before: Parts;
  orgKeyIds: string[];
  /** Where the kill landed, read from the job's row in raw D1 before the restart. */
  killedIn: string;
  jobIds: string[];
  outcome: string;
  wedged: string | null;
  settleMs: number;
  problems: string[];
};

export type CrashReport = {
  deletions: number;
  kills: number;
  /** Kills that landed while the deletion was under way (not after its job had ended). */
  killedMidway: number;
  /** How many kills landed in each step (or before the claim, queued, after the end). */
  killsByPlace: Record<string, number>;
  lostEvents: number;
  halfDeleted: number;
  wedgedKeys: number;
  missingAudit: number;
  orphanArchives: number;
  /** Archives listed in D1 whose object is missing (not counted above; reported). */
  listedWithoutObject: number;
  /** Deletions whose job did not succeed (each also counted where it left damage). */
  failedJobs: number;
  /** Median time from the first request to the settled outcome, kill and restart included. */
  medianSettleMs: number;
  /** Median time of one api restart (the process killed, started again, answering). */
  medianRestartMs: number;
  problems: string[];
  details: Omit<CrashDeletion, "before" | "orgKeyIds">[];
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length === 0
    ? 0
    : s.length % 2
      ? s[s.length >> 1]!
      : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The api under test: started, killed and started again on one state dir. */
class Api {
  server!: ApiServer;
  private token = "";
  private readonly opts: { port: number; stateDir: string; seedScale: number };
  constructor(opts: { port: number; stateDir: string; seedScale: number }) {
    this.opts = opts;
  }

  async start(seed: boolean): Promise<number> {
    const started = performance.now();
    // workerd may hold the port a moment after wrangler itself exited.
    for (let i = 0; i < 100; i++) {
      try {
        await requirePortFree(this.opts.port, "the crash run's api");
        break;
      } catch (err) {
        if (i === 99) throw err;
        await sleep(100);
      }
    }
    this.server = await startApi({ ...this.opts, seed });
    this.token = await devToken(this.server.url, this.server.devPassword, ACTOR);
    return performance.now() - started;
  }

  async call(method: string, pathAndQuery: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.server.url}${pathAndQuery}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, "X-Admin-API-Key": this.server.adminKey, ...headers },
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads whatever the api answered
    let body: any = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = { raw: text.slice(0, 200) };
    }
    return { status: res.status, headers: res.headers, body };
  }

  kill() {
    return this.server.kill();
  }
  stop() {
    return this.server.stop();
  }
}

/** The job rows of one Idempotency-Key, read from raw D1. */
function jobRows(raw: RawStorage, idemKey: string) {
  return raw.d1<{ job_id: string; status: string; steps: string }>(
    "SELECT job_id, status, steps FROM jobs WHERE actor = ?1 AND idem_key = ?2 ORDER BY seq",
    ACTOR,
    idemKey,
  );
}

/** Where a kill landed for one deletion: the step its job was in, from its row as the dead api left it. */
function killPlace(raw: RawStorage, idemKey: string): string {
  const [row] = jobRows(raw, idemKey);
  if (!row) return "before the claim";
  if (!LIVE.has(row.status)) return "after the end";
  const steps = JSON.parse(row.steps) as { name: string; status: string }[];
  const running = steps.find((s) => s.status === "running");
  if (running) return running.name;
  if (steps.every((s) => s.status === "pending")) return "claimed, not started";
  const next = steps.find((s) => s.status === "pending");
  return next ? `before ${next.name}` : "record-final";
}

/**
 * Polls raw D1 (not the api, which must not be slowed or woken by the watching) until the job of
 * `idemKey` is in `step` or past it, or has ended, or `ms` passed; with `claimed`, until it exists.
 */
async function untilStep(
  stateDir: string,
  idemKey: string,
  step: string,
  ms: number,
  claimed = false,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    let raw: RawStorage | null = null;
    try {
      raw = openRawStorage(stateDir);
      const [row] = jobRows(raw, idemKey);
      if (row && (claimed || !LIVE.has(row.status))) return;
      if (row) {
        const steps = JSON.parse(row.steps) as { name: string; status: string }[];
        const at = steps.findIndex((s) => s.name === step);
        if (at < 0 || steps.slice(at).some((s) => s.status !== "pending")) return;
      }
    } catch {
      // a file mid-write; read again
    } finally {
      raw?.close();
    }
    await sleep(15);
  }
}

/** Follows a deletion to its outcome through retries with its key; null when it settled, else why not. */
async function settle(api: Api, d: CrashDeletion): Promise<string | null> {
  const { method, path: p } = deletionRequest(d.target);
  const headers = {
    "Idempotency-Key": d.idemKey,
    "If-Match": `"${d.planToken}"`,
    "X-Audit-Reason": "BENCH-CRASH",
  };
  const deadline = Date.now() + SETTLE_MS;
  let jobId: string | null = null;
  while (Date.now() < deadline) {
    const res = await api.call(method, p, { ...headers, Prefer: "respond-async" });
    if (res.status === 202) jobId = res.body.jobId;
    else if (res.body?.jobId && res.status !== 409) {
      jobId = res.body.jobId;
      break;
    } else return `the retry answered ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`;
    const job = await api.call("GET", `/admin/jobs/${jobId}`);
    if (job.status === 200 && !LIVE.has(job.body.status)) break;
    await sleep(250);
  }
  if (!jobId) return "no job";
  // The job ended: the key must answer its stored outcome, as a replay.
  const job = await api.call("GET", `/admin/jobs/${jobId}`);
  if (LIVE.has(job.body.status)) return `job still ${job.body.status} after ${SETTLE_MS / 1000} s`;
  const replay = await api.call(method, p, headers);
  d.outcome = job.body.status;
  if (replay.status !== job.body.result?.httpStatus)
    return `replay ${replay.status}, the job answered ${job.body.result?.httpStatus}`;
  if (replay.headers.get("Idempotent-Replayed") !== "true")
    return "the replay was not marked Idempotent-Replayed";
  if (replay.body?.jobId !== jobId) return `the replay names job ${replay.body?.jobId}, not ${jobId}`;
  return null;
}

/** The checks of one deletion against raw storage once everything settled. */
function checkDeletion(raw: RawStorage, d: CrashDeletion): { lost: number; half: boolean; audit: boolean } {
  const jobs = jobRows(raw, d.idemKey);
  d.jobIds = jobs.map((j) => j.job_id);
  if (jobs.length !== 1) d.problems.push(`${jobs.length} jobs under one Idempotency-Key`);
  const tables = Object.keys(d.before).flatMap((k) => (k.startsWith("d1:") ? [k.slice(3)] : []));
  const after = partsOf(raw, d.target, d.orgKeyIds, tables);
  const succeeded = jobs.some((j) => j.status === "succeeded");
  const wrong = mismatches(after, expectedAfter(d.target, d.before));
  const untouched = mismatches(after, { ...d.before, doKeys: null });
  let half = false;
  if (succeeded && wrong.length > 0) half = true;
  if (!succeeded && untouched.length > 0) half = true;
  if (half) d.problems.push(`half-deleted: ${(succeeded ? wrong : untouched).join("; ")}`);

  // Events gone from R2 must all be in a verified archive of the target that exists and is not empty.
  let lost = 0;
  if ((d.target.kind === "lock" || d.target.kind === "hub") && (after.events ?? 0) < (d.before.events ?? 0)) {
    const uuid = d.target.uuid;
    const objects = new Map(raw.r2(`archives/${d.target.kind}/${uuid}/`).map((o) => [o.key, o.size]));
    const archived = raw
      .d1<{ path: string; events: number | null }>(
        "SELECT path, events FROM archives WHERE target_uuid = ?1 AND status = 'verified'",
        uuid,
      )
      .filter((a) => (objects.get(a.path) ?? 0) > 0)
      .reduce((most, a) => Math.max(most, a.events ?? 0), 0);
    const want = d.target.mode === "DELETE_DO_ONLY" ? d.plannedEvents || 1 : d.plannedEvents;
    lost = d.target.mode === "DELETE_DO_ONLY" ? want : Math.max(0, want - archived);
    if (lost > 0) d.problems.push(`${lost} events gone from R2 without an archive holding them`);
  }

  // One `started` and exactly one final record per deletion.
  const records = jobs.length
    ? raw.d1<{ outcome: string }>(
        `SELECT outcome FROM audit_index WHERE job_id IN (${jobs.map((_, i) => `?${i + 1}`).join(", ")})`,
        ...jobs.map((j) => j.job_id),
      )
    : [];
  const started = records.filter((r) => r.outcome === "started").length;
  const finals = records.filter((r) => r.outcome !== "started").length;
  const audit = started !== 1 || finals !== 1;
  if (audit) d.problems.push(`audit: ${started} started, ${finals} final record(s)`);
  return { lost, half, audit };
}

/** Every object under `archives/` is listed once and holds something; every listed one exists. */
function checkArchives(raw: RawStorage) {
  const objects = new Map(raw.r2("archives/").map((o) => [o.key, o.size]));
  const rows = raw.d1<{ path: string; n: number }>("SELECT path, COUNT(*) AS n FROM archives GROUP BY path");
  const listed = new Map(rows.map((r) => [r.path, r.n]));
  const problems: string[] = [];
  let orphans = 0;
  for (const [key, size] of objects) {
    const n = listed.get(key) ?? 0;
    if (n !== 1 || size === 0) {
      orphans++;
      problems.push(`archive ${key}: listed ${n} time(s), ${size} bytes`);
    }
  }
  const missing = [...listed.keys()].filter((p) => !objects.has(p));
  for (const p of missing) problems.push(`archive ${p} listed, no object`);
  return { orphans, missing: missing.length, problems };
}

export type CrashOptions = {
  port: number;
  /** ≥ 50 (BENCH_CRASH_DELETIONS). */
  deletions: number;
  /** Deletions started together before each kill (BENCH_CRASH_BATCH, default 2). */
  batch: number;
  seedScale?: number;
  log: (line: string) => void;
  /** A source of randomness in [0, 1); Math.random unless a test pins it. */
  random?: () => number;
};

/**
 * Runs the crash bench on a fresh seeded state of its own and returns its counts. Each round
 * starts `batch` deletions (202, `Prefer: respond-async`), picks a random place — right after the
 * requests left, or a random step of the first deletion's job, watched in raw D1 — waits a random
 * 0–120 ms more, and SIGKILLs the api's process group; then reads where each job was, starts the
 * api again, and retries each deletion with the same key and If-Match until it settles.
 */
export async function runCrashBench(opts: CrashOptions): Promise<CrashReport> {
  const random = opts.random ?? Math.random;
  const seedScale = opts.seedScale ?? 1;
  const stateDir = path.join(os.tmpdir(), `cleanup-bench-crash-${process.pid}`);
  rmSync(stateDir, { recursive: true, force: true });
  const api = new Api({ port: opts.port, stateDir, seedScale });
  const restarts: number[] = [];
  const all: CrashDeletion[] = [];
  const killsByPlace: Record<string, number> = {};
  // Between a kill and the next start nothing else holds the event loop (requirePortFree's probe
  // is unref'd): without this the process would just end there.
  const keepAlive = setInterval(() => undefined, 1000);

  /** One round: dry runs, the deletions started together, a kill at a random place, a restart, retries. */
  const crashRound = async (batch: CrashDeletion[], round: number) => {
    for (const d of batch) {
      const { method, path: p } = deletionRequest(d.target);
      const dry = await api.call(method, `${p}${p.includes("?") ? "&" : "?"}dryRun=true`);
      if (dry.status !== 200)
        throw new Error(`dry run of ${d.label}: ${dry.status} ${JSON.stringify(dry.body)}`);
      d.planToken = dry.body.planToken;
      d.plannedEvents = (dry.body.plan as Plan).counts.events;
      if (d.target.kind === "environment") {
        // What the reset must leave: every table its plan names empty (read while the api is idle).
        const r = openRawStorage(stateDir);
        d.before = partsOf(r, d.target, [], Object.keys((dry.body.plan as Plan).counts.d1Rows));
        r.close();
      }
    }
    const started = performance.now();
    const requests = batch.map((d) => {
      const { method, path: p } = deletionRequest(d.target);
      return api
        .call(method, p, {
          "Idempotency-Key": d.idemKey,
          "If-Match": `"${d.planToken}"`,
          "X-Audit-Reason": "BENCH-CRASH",
          Prefer: "respond-async",
        })
        .catch(() => null);
    });
    // Where: right after the requests left (1 in 8), else a random step of the first job, then 0–40 ms more.
    const steps = ["record-started", "freeze-and-check", ...stepsOf(batch[0]!.target)];
    const place = random() < 0.125 ? null : steps[Math.floor(random() * steps.length)]!;
    if (place) {
      // The others of the batch are claimed first, so that the kill lands in their jobs too.
      for (const d of batch.slice(1)) await untilStep(stateDir, d.idemKey, "record-started", 10_000, true);
      await untilStep(stateDir, batch[0]!.idemKey, place, 30_000);
    }
    await sleep(Math.floor(random() * 40));
    await api.kill();
    await Promise.allSettled(requests);
    const dead = openRawStorage(stateDir);
    for (const d of batch) {
      d.killedIn = killPlace(dead, d.idemKey);
      killsByPlace[d.killedIn] = (killsByPlace[d.killedIn] ?? 0) + 1;
    }
    dead.close();
    restarts.push(await api.start(false));
    for (const d of batch) {
      d.wedged = await settle(api, d);
      d.settleMs = Math.round(performance.now() - started);
      if (d.wedged) d.problems.push(`wedged key: ${d.wedged}`);
    }
    opts.log(
      `crash round ${round}: ${batch.map((d) => `${d.label} killed in ${d.killedIn} → ${d.outcome || "?"}`).join("; ")}`,
    );
  };

  try {
    await api.start(true);
    // Warm a share of the DO instances, so DELETE_DO_ONLY and delete-all have state to delete.
    const { items } = (await api.call("GET", "/admin/search?type=lock&limit=100")).body as {
      items: { id: string }[];
    };
    for (const { id } of items.filter((_, i) => i % 3 === 0)) await api.call("GET", `/admin/locks/${id}`);
    await api.stop();

    let raw = openRawStorage(stateDir);
    const fresh = (target: CrashTarget, key: string): CrashDeletion => ({
      target,
      label: targetLabel(target),
      idemKey: `bench-crash-${process.pid}-${key}`,
      planToken: "",
      plannedEvents: 0,
      before: partsOf(raw, target, orgKeysOf(raw, target)),
      orgKeyIds: orgKeysOf(raw, target),
      killedIn: "",
      jobIds: [],
      outcome: "",
      wedged: null,
      settleMs: 0,
      problems: [],
    });
    // Every target the seed has, interleaved by kind; the run takes as many as it needs.
    const queue = chooseTargets(raw, Number.POSITIVE_INFINITY).map((t, i) => fresh(t, String(i)));
    raw.close();

    // Deletions until ≥ `opts.deletions` were killed mid-way (a kill after a quick job's end does not count).
    restarts.push(await api.start(false));
    const midway = () => all.filter((d) => d.killedIn !== "after the end").length;
    for (let round = 1; midway() < opts.deletions && queue.length > 0; round++) {
      const batch = queue.splice(0, opts.batch);
      await crashRound(batch, round);
      all.push(...batch);
    }
    await api.stop();
    if (midway() < opts.deletions) throw new Error(`only ${midway()} deletions were killed mid-way`);

    // The targeted deletions are checked before delete-all empties everything.
    raw = openRawStorage(stateDir);
    let lostEvents = 0;
    let halfDeleted = 0;
    let missingAudit = 0;
    const check = (d: CrashDeletion) => {
      const r = checkDeletion(raw, d);
      lostEvents += r.lost;
      halfDeleted += r.half ? 1 : 0;
      missingAudit += r.audit ? 1 : 0;
    };
    for (const d of all) check(d);
    // Then delete-all, killed the same way.
    const reset = fresh({ kind: "environment" }, "all");
    raw.close();
    restarts.push(await api.start(false));
    await crashRound([reset], all.length + 1);
    all.push(reset);
    await api.stop();
    raw = openRawStorage(stateDir);
    check(reset);
    const archives = checkArchives(raw);
    raw.close();

    return {
      deletions: all.length,
      kills: all.length,
      killedMidway: midway(),
      killsByPlace,
      lostEvents,
      halfDeleted,
      wedgedKeys: all.filter((d) => d.wedged).length,
      missingAudit,
      orphanArchives: archives.orphans,
      listedWithoutObject: archives.missing,
      failedJobs: all.filter((d) => d.outcome !== "succeeded").length,
      medianSettleMs: median(all.map((d) => d.settleMs)),
      medianRestartMs: median(restarts),
      problems: [...all.flatMap((d) => d.problems.map((p) => `${d.label}: ${p}`)), ...archives.problems],
      details: all.map(({ before: _b, orgKeyIds: _o, ...rest }) => rest),
    };
  } finally {
    clearInterval(keepAlive);
    await api.server?.stop().catch(() => undefined);
    if (process.env.BENCH_CRASH_KEEP === "1") opts.log(`state kept in ${stateDir}`);
    else rmSync(stateDir, { recursive: true, force: true });
  }
}

/** An organization's key ids (its node links are found by them once the keys are gone). */
function orgKeysOf(raw: RawStorage, t: CrashTarget): string[] {
  if (t.kind !== "organization") return [];
  return raw.d1<{ id: string }>("SELECT id FROM org_keys WHERE org_id = ?1", t.idOrg).map((r) => r.id);
}

/** The steps between freeze-and-check and record-final of a target's job (api/src/targets/*). */
function stepsOf(t: CrashTarget): string[] {
  switch (t.kind) {
    case "lock":
    case "hub":
      return t.mode === "DELETE_DO_ONLY"
        ? ["delete-do-state", "record-final"]
        : ["archive", "delete-events", "delete-do-state", "delete-d1-rows", "record-final"];
    case "project-key":
      return ["delete-d1-rows", "record-final"];
    case "organization":
      return ["delete-d1-rows", "publish-system-event", "record-final"];
    case "environment":
      return ["delete-events", "delete-do-state", "delete-d1-rows", "record-final"];
  }
}

/** The run's counts as lines, each with its goal. */
export function printCrashReport(r: CrashReport, print: (line: string) => void = console.log): void {
  const rows: [string, number][] = [
    ["events lost without archive", r.lostEvents],
    ["half-deleted targets", r.halfDeleted],
    ["wedged Idempotency-Keys", r.wedgedKeys],
    ["missing audit records (no started, no final, or two finals)", r.missingAudit],
    ["orphan archives (unlisted, listed twice, or empty)", r.orphanArchives],
  ];
  print(
    `crash run: ${r.deletions} deletions, ${r.kills} kills (SIGKILL to the api's process group), ${r.killedMidway} of them mid-deletion; restarted each time`,
  );
  for (const [name, n] of rows)
    print(`  ${name.padEnd(62)} ${String(n).padStart(4)}   goal 0  ${n === 0 ? "met" : "NOT MET"}`);
  print(`  ${"deletions whose job did not succeed".padEnd(62)} ${String(r.failedJobs).padStart(4)}`);
  print(`  ${"listed archives with no object".padEnd(62)} ${String(r.listedWithoutObject).padStart(4)}`);
  print(
    `  kills by where they landed: ${Object.entries(r.killsByPlace)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(", ")}`,
  );
  print(
    `  median time to a settled outcome ${Math.round(r.medianSettleMs)} ms (restart included; median restart ${Math.round(r.medianRestartMs)} ms)`,
  );
  for (const p of r.problems.slice(0, 20)) print(`  problem: ${p}`);
}
