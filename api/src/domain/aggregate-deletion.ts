import type { DeletionMode, DeletionSummary, Operation } from "@cleanup/shared";
import { deletedRows } from "../lib/d1.ts";
import { aggregateStub } from "../storage/aggregates-registry.ts";
import { type ArchiveResult, archiveEvents } from "../storage/archive.ts";
import type { AggregateKind } from "../storage/event-store.ts";
import { OperationLog } from "./operation-log.ts";

/** One table's `DELETE … RETURNING`; all of them run in one `batch()`, D1's transaction. */
export type D1Deletion = { table: string; statement: D1PreparedStatement };

export type AggregateDeletion = {
  env: Env;
  kind: AggregateKind;
  id: string;
  mode: DeletionMode;
  requestId: string;
  /** Rows that go with DELETE_DO_AND_EVENTS. */
  d1: D1Deletion[];
};

export type DeletionOutcome = {
  success: boolean;
  operations: Operation[];
  errors: string[];
  deletionSummary: DeletionSummary;
};

export const emptySummary = (): DeletionSummary => ({
  eventsDeleted: 0,
  eventsArchived: 0,
  bytesDeleted: 0,
  d1RowsDeleted: {},
  doInstancesDeleted: 0,
  archivePath: null,
});

/**
 * Deletes a hub or lock aggregate.
 * - DELETE_DO_ONLY: the DO's stored state only; the events stay and rebuild it on next access.
 * - DELETE_DO_AND_EVENTS: archive every event and verify the archive (count, sequence,
 *   SHA-256) before anything is deleted; then the R2 segments, the DO state and the D1 rows.
 *   D1 goes last: while its rows exist the target can still be found and the deletion retried.
 */
export async function deleteAggregate(target: AggregateDeletion): Promise<DeletionOutcome> {
  const { env, kind, id } = target;
  const log = new OperationLog();
  const summary = emptySummary();
  const stub = aggregateStub(env, kind, id);
  let archive: ArchiveResult | null = null;

  if (target.mode === "DELETE_DO_AND_EVENTS") {
    await log.step("archive-events", async () => {
      archive = await archiveEvents(env.EVENTS, kind, id, target.requestId);
      summary.eventsArchived = archive.eventCount;
      summary.archivePath = archive.path;
      return {
        detail: `Archived to ${archive.path}; read back and verified (SHA-256 ${archive.sha256})`,
        count: archive.eventCount,
      };
    });
    await log.step("delete-events", async () => {
      const purged = await stub.purge(id, archive?.lastSeq ?? 0);
      summary.eventsDeleted = purged.eventsDeleted;
      summary.bytesDeleted = purged.bytesDeleted;
      summary.objectsDeleted = purged.segmentsDeleted;
      return {
        detail: `Deleted ${purged.segmentsDeleted} event segment(s) from R2`,
        count: purged.eventsDeleted,
      };
    });
  } else {
    log.skip("delete-events", "DELETE_DO_ONLY keeps the events in R2");
  }

  await log.step("delete-do-state", async () => {
    await stub.deleteState();
    summary.doInstancesDeleted = 1;
    return { detail: `Deleted the stored state of ${kind} ${id}`, count: 1 };
  });

  if (target.mode === "DELETE_DO_AND_EVENTS" && target.d1.length > 0) {
    await log.step("delete-d1-rows", async () => {
      const results = await env.DB.batch(target.d1.map((d) => d.statement));
      results.forEach((result, i) => {
        const table = target.d1[i]!.table;
        summary.d1RowsDeleted[table] = (summary.d1RowsDeleted[table] ?? 0) + deletedRows(result);
      });
      const total = Object.values(summary.d1RowsDeleted).reduce((a, b) => a + b, 0);
      return { detail: `Deleted rows from ${Object.keys(summary.d1RowsDeleted).join(", ")}`, count: total };
    });
  }

  return { success: !log.failed, operations: log.operations, errors: log.errors, deletionSummary: summary };
}

/** The operations a deletion would run, for a dry run's response: all skipped. */
export function plannedOperations(mode: DeletionMode, eventCount: number, d1Rows: number): Operation[] {
  const log = new OperationLog();
  if (mode === "DELETE_DO_AND_EVENTS") {
    log.skip("archive-events", "dry run: would archive and verify the events", eventCount);
    log.skip("delete-events", "dry run: would delete the event segments", eventCount);
  }
  log.skip("delete-do-state", "dry run: would delete the Durable Object state", 1);
  if (mode === "DELETE_DO_AND_EVENTS" && d1Rows > 0) {
    log.skip("delete-d1-rows", "dry run: would delete the D1 rows", d1Rows);
  }
  return log.operations;
}
