import { NonRetryableError } from "cloudflare:workflows";
import type { DeletionSummary, JobStepName } from "@cleanup/shared";
import type { StoredJob } from "../jobs/job-types.ts";
import { aggregateStub } from "../storage/aggregates-registry.ts";
import {
  ARCHIVE_FORMAT,
  type ArchiveHeader,
  jobArchivePath,
  putArchive,
  verifyArchive,
} from "../storage/archive.ts";
import {
  type ArchiveRow,
  findArchiveOfJob,
  findArchiveToFinishFrom,
  markArchiveVerified,
  registerArchive,
} from "../storage/archives-table.ts";
import {
  type AggregateKind,
  listSegments,
  readAllEvents,
  summarizeSegments,
} from "../storage/event-store.ts";
import { cleanupDryRun, cleanupResult, emptySummary, plannedSteps, ran, short } from "./published-result.ts";
import type {
  DeletionTarget,
  JobEnd,
  JobOptions,
  PreparedDeletion,
  StepContext,
  StepOutcome,
} from "./target.ts";

/** The D1 rows a full deletion removes: read into the archive's header, then deleted in one batch. */
export type AggregateRows = (
  db: D1Database,
  job: StoredJob,
) => { table: string; select: D1PreparedStatement; remove: D1PreparedStatement }[];

/** What the archive step hands on: the verified archive the destructive steps rely on. */
export type ArchiveData = {
  archiveId: string;
  path: string;
  events: number;
  lastSeq: number;
  sha256: string;
  bytes: number;
  /** Set when the archive was written by an earlier job of this target that ended part-way. */
  writtenByJob: string | null;
};

const full = (options: JobOptions) => options.mode === "DELETE_DO_AND_EVENTS";
const DESTRUCTIVE: JobStepName[] = ["delete-events", "delete-do-state", "delete-d1-rows"];

const archiveData = (row: ArchiveRow, writtenByJob: string | null): ArchiveData => ({
  archiveId: row.id,
  path: row.path,
  events: row.events ?? 0,
  lastSeq: row.last_seq ?? 0,
  sha256: row.sha256 ?? "",
  bytes: row.bytes ?? 0,
  writtenByJob,
});

const archiveLine = (a: ArchiveData) =>
  `${a.events} events → ${a.path}, sha256 ${short(a.sha256)}, verified` +
  (a.writtenByJob ? ` (written by job ${a.writtenByJob}, which ended part-way; finishing from it)` : "");

/** Reads an archive again and checks it against its row: every destructive step relies on it. */
async function reverify(bucket: R2Bucket, row: ArchiveRow) {
  await verifyArchive(bucket, row.path, {
    events: row.events ?? 0,
    sha256: row.sha256 ?? "",
    lastSeq: row.last_seq ?? 0,
  });
}

/**
 * `archive`: one NDJSON object per job at `archives/{kind}/{uuid}/{jobId}.ndjson` — a header with
 * the D1 rows the job deletes, then every event — registered in D1 before it is written, read back
 * and checked (count, last sequence, SHA-256) before anything is deleted. Resumable:
 * - its own verified archive is checked again and reused;
 * - one it registered but had not verified (it died in between) is written again, byte-identical;
 * - when an earlier job of the target failed after a destructive step, the job finishes from that
 *   job's verified archive instead of writing a second (or an empty) one;
 * - when R2 holds fewer events than the registry says and no archive has them, it refuses.
 */
async function archiveStep(ctx: StepContext, kind: AggregateKind, rows: AggregateRows): Promise<StepOutcome> {
  const { env, job } = ctx;
  const db = env.DB;
  const uuid = job.target.uuid!;
  const own = await findArchiveOfJob(db, job.jobId);
  if (own?.status === "verified") {
    await reverify(env.EVENTS, own);
    const data = archiveData(own, null);
    return { detail: archiveLine(data), count: data.events, data };
  }
  const segments = await listSegments(env.EVENTS, kind, uuid);
  const r2 = summarizeSegments(segments);
  if (!own) {
    const earlier = await findArchiveToFinishFrom(
      db,
      { type: kind, id: job.target.id, uuid },
      {
        events: r2.eventCount,
        lastSeq: r2.lastSeq,
      },
    );
    if (earlier) {
      await reverify(env.EVENTS, earlier);
      const data = archiveData(earlier, earlier.job_id ?? "(before jobs)");
      return { detail: archiveLine(data), count: data.events, data };
    }
    const registered = await db
      .prepare("SELECT event_count FROM aggregates WHERE kind = ?1 AND id = ?2")
      .bind(kind, uuid)
      .first<{ event_count: number }>();
    if ((registered?.event_count ?? 0) > r2.eventCount) {
      throw new NonRetryableError(
        `R2 holds ${r2.eventCount} of the ${registered?.event_count} events the registry lists and no archive has them: no archive is written and nothing is deleted`,
      );
    }
  }
  const id = own?.id ?? crypto.randomUUID();
  const createdAt = own?.created_at ?? new Date().toISOString();
  const path = jobArchivePath(kind, uuid, job.jobId);
  if (!own) {
    await registerArchive(db, {
      id,
      job_id: job.jobId,
      target_type: kind,
      target_id: job.target.id,
      target_uuid: uuid,
      path,
      created_at: createdAt,
    }).run();
  }
  const events = await readAllEvents(env.EVENTS, segments);
  if (events.length !== r2.eventCount) {
    throw new Error(`Read ${events.length} events but the segments list ${r2.eventCount}`);
  }
  const tables = rows(db, job);
  const selected = await db.batch<Record<string, unknown>>(tables.map((t) => t.select));
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    jobId: job.jobId,
    kind,
    targetId: job.target.id,
    uuid,
    createdAt,
    events: events.length,
    lastSeq: r2.lastSeq,
    rows: Object.fromEntries(tables.map((t, i) => [t.table, selected[i]?.results ?? []])),
  };
  const facts = await putArchive(env.EVENTS, path, header, events);
  const { bytes } = await verifyArchive(env.EVENTS, path, facts);
  await markArchiveVerified(db, id, { ...facts, bytes }).run();
  const data: ArchiveData = { archiveId: id, path, ...facts, bytes, writtenByJob: null };
  return { detail: archiveLine(data), count: data.events, data };
}

/** The counts the plan promised for a step (a re-run after a crash reports the same truth). */
function d1Line(counts: Record<string, number>) {
  const parts = Object.entries(counts).map(([table, n]) => `${table} ${n}`);
  return parts.length > 0 ? `${parts.join(", ")} row(s) deleted in one transaction` : "no rows to delete";
}

/**
 * The steps, freeze, preview and result shared by the two event-sourced targets (hub, lock). DELETE_DO_ONLY
 * runs `delete-do-state` alone; DELETE_DO_AND_EVENTS archives, then deletes the events, the DO
 * state and the D1 rows, in that order (ADR 012).
 */
export function aggregateJob(
  kind: AggregateKind,
  rows: AggregateRows,
): Pick<DeletionTarget, "steps" | "freeze" | "unfreeze" | "leavesPartial" | "run" | "preview" | "result"> {
  const stub = (env: Env, job: StoredJob) => aggregateStub(env, kind, job.target.uuid!);
  return {
    preview: (prepared, planToken, requestId, duration) =>
      aggregatePreview(kind, prepared, planToken, requestId, duration),
    result: (end) =>
      cleanupResult(end, {
        fields: end.job.params.fields,
        summary: aggregateSummary(end),
        sentence: aggregateSentence(end, `${kind} ${end.job.target.label}`),
      }),
    steps: (options) =>
      full(options) ? ["archive", "delete-events", "delete-do-state", "delete-d1-rows"] : ["delete-do-state"],
    freeze: (env, job) => stub(env, job).freeze(job.target.uuid!, job.jobId),
    unfreeze: (env, job) => stub(env, job).unfreeze(job.target.uuid!, job.jobId),
    leavesPartial: (step, options) => full(options) && DESTRUCTIVE.includes(step),
    run: {
      archive: (ctx) => archiveStep(ctx, kind, rows),
      "delete-events": async ({ env, job, outputs }) => {
        const archive = outputs.archive?.data as ArchiveData | undefined;
        if (!archive) throw new Error("No verified archive: nothing is deleted");
        await stub(env, job).purge(job.target.uuid!, archive.lastSeq);
        const { plan } = job.params;
        const objects = Number(plan.fingerprint.segmentCount ?? 0);
        return {
          detail: `${plan.counts.events} events in ${objects} R2 object(s) deleted (batches of at most 1,000 keys)`,
          count: plan.counts.events,
        };
      },
      "delete-do-state": async ({ env, job }) => {
        await stub(env, job).deleteState(job.target.uuid!, job.jobId);
        return { detail: `stored state of ${kind} ${job.target.uuid} deleted`, count: 1 };
      },
      "delete-d1-rows": async ({ env, job }) => {
        await env.DB.batch(rows(env.DB, job).map((t) => t.remove));
        const counts = job.params.plan.counts.d1Rows;
        return { detail: d1Line(counts), count: Object.values(counts).reduce((a, b) => a + b, 0) };
      },
    },
  };
}

/** The structured `summary` of a hub or lock job's end. */
function aggregateSummary(end: JobEnd): DeletionSummary {
  const { plan } = end.job.params;
  const archive = end.outputs.archive?.data as ArchiveData | undefined;
  const eventsGone = ran(end, "delete-events");
  return {
    ...emptySummary(),
    eventsDeleted: eventsGone ? plan.counts.events : 0,
    bytesDeleted: eventsGone ? plan.counts.bytes : 0,
    objectsDeleted: eventsGone ? Number(plan.fingerprint.segmentCount ?? 0) : 0,
    eventsArchived: archive?.events ?? 0,
    archivePath: archive?.path ?? null,
    archiveSha256: archive?.sha256 ?? null,
    d1RowsDeleted: ran(end, "delete-d1-rows") ? plan.counts.d1Rows : {},
    doInstancesDeleted: ran(end, "delete-do-state") ? 1 : 0,
  };
}

/** The published sentence of a hub or lock job's end. */
function aggregateSentence(end: JobEnd, what: string): string {
  const { plan, options } = end.job.params;
  const archive = end.outputs.archive?.data as ArchiveData | undefined;
  if (end.refusal) return `Nothing was deleted: ${String(end.refusal.body.message)}.`;
  if (end.failure) {
    const done = end.steps
      .filter((s) => s.status === "done" && DESTRUCTIVE.includes(s.name))
      .map((s) => s.name);
    return done.length === 0
      ? `Nothing was deleted from ${what}: ${end.failure.step} failed (${end.failure.message}).`
      : `The deletion of ${what} stopped at ${end.failure.step} after ${done.join(", ")}; a new deletion finishes it from the verified archive.`;
  }
  if (!full(options)) {
    return `Deleted the Durable Object state of ${what}; its ${plan.counts.events === 0 ? eventsKept(end) : plan.counts.events} events stay in R2 and rebuild it on next access.`;
  }
  const rows = Object.values(plan.counts.d1Rows).reduce((a, b) => a + b, 0);
  return `Deleted ${what} for good: ${plan.counts.events} events (archived and verified at ${archive?.path}), its Durable Object state and ${rows} D1 row(s).`;
}

/** DELETE_DO_ONLY's plan counts no events (none are deleted): the kept count is in its plan items. */
function eventsKept(end: JobEnd): number {
  return end.job.params.plan.keep.find((i) => i.kind === "events")?.count ?? 0;
}

/** The published dry-run answer of a hub or lock: the same shape, every step skipped. */
function aggregatePreview(
  kind: AggregateKind,
  prepared: PreparedDeletion,
  planToken: string,
  requestId: string,
  duration: number,
) {
  const { plan } = prepared;
  const events = plan.counts.events;
  const segments = Number(plan.fingerprint.segmentCount ?? 0);
  const rows = Object.values(plan.counts.d1Rows).reduce((a, b) => a + b, 0);
  const what = `${kind} ${prepared.target.label}`;
  const steps = full(prepared.options)
    ? plannedSteps([
        ["archive", `archive and verify ${events} events and the ${kind}'s D1 rows`, events],
        ["delete-events", `delete ${events} events in ${segments} R2 object(s)`, events],
        ["delete-do-state", "delete the Durable Object state", 1],
        ["delete-d1-rows", `delete ${rows} D1 row(s)`, rows],
      ])
    : plannedSteps([["delete-do-state", "delete the Durable Object state; the events stay", 1]]);
  const would = full(prepared.options)
    ? `Would archive ${events} events, then delete them, the Durable Object state and ${rows} D1 row(s) of ${what}.`
    : `Would delete the Durable Object state of ${what}; its events stay.`;
  return cleanupDryRun(prepared, planToken, requestId, duration, steps, would);
}
