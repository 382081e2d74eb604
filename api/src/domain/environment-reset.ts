import type { DeletionSummary, Plan, PlanItem } from "@cleanup/shared";
import { forEachLimited } from "../lib/pool.ts";
import { aggregateStub } from "../storage/aggregates-registry.ts";
import { countArchives } from "../storage/archive.ts";
import { deleteKeys } from "../storage/event-store.ts";
import { emptySummary } from "./aggregate-deletion.ts";
import { OperationLog } from "./operation-log.ts";

/**
 * The tables delete-all empties: every aggregate and read model. Kept: `api_keys` (given at
 * onboarding), `audit_index` (the audit log survives), and the console's own bookkeeping
 * (`idempotency`, `plan_previews`, `dev_issuer_keys`). `aggregates` goes last.
 */
export const RESET_TABLES = [
  "key_assignments",
  "temp_keys",
  "locks",
  "hubs",
  "users",
  "node_keys",
  "org_nodes",
  "org_keys",
  "org_members",
  "organizations",
  "deployments",
  "jwks",
  "project_keys",
  "projects",
  "aggregates",
] as const;

const DO_CONCURRENCY = 16;

export type EnvironmentFacts = {
  rows: Record<string, number>;
  events: number;
  eventBytes: number;
  doInstances: number;
  apiKeys: number;
  auditRecords: number;
  archives: number;
  archiveBytes: number;
};

export async function collectEnvironmentFacts(env: Env): Promise<EnvironmentFacts> {
  const db = env.DB;
  // Table names come from the constant above, never from input.
  const counts = RESET_TABLES.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(", ");
  const [rows, totals, archives] = await Promise.all([
    db.prepare(`SELECT ${counts}`).first<Record<string, number>>(),
    db
      .prepare(
        `SELECT COALESCE(SUM(event_count), 0) AS events, COALESCE(SUM(event_bytes), 0) AS eventBytes,
                COUNT(*) AS doInstances, (SELECT COUNT(*) FROM api_keys) AS apiKeys,
                (SELECT COUNT(*) FROM audit_index) AS auditRecords
         FROM aggregates`,
      )
      .first<Omit<EnvironmentFacts, "rows" | "archives" | "archiveBytes">>(),
    countArchives(env.EVENTS),
  ]);
  if (!rows || !totals) throw new Error("Counting the environment returned nothing");
  return { rows, ...totals, archives: archives.objects, archiveBytes: archives.bytes };
}

/** What delete-all would remove and keep. Pure. */
export function buildResetPlan(facts: EnvironmentFacts, environment: string): Plan {
  const rowItems: PlanItem[] = RESET_TABLES.map((table) => ({
    kind: "d1-rows",
    table,
    label: `All rows of ${table}`,
    count: facts.rows[table] ?? 0,
  }));
  return {
    target: { type: "environment", id: environment, label: `The ${environment} environment` },
    environment,
    options: {},
    delete: [
      {
        kind: "events",
        label: "Every event of every hub and lock in R2",
        count: facts.events,
        bytes: facts.eventBytes,
      },
      { kind: "do-state", label: "The state of every hub and lock Durable Object", count: facts.doInstances },
      ...rowItems,
    ],
    keep: [
      { kind: "api-keys", label: "API keys given to organizations", count: facts.apiKeys },
      { kind: "audit-log", label: "The audit log", count: facts.auditRecords },
      {
        kind: "archive",
        label: "Archives written by earlier deletions",
        count: facts.archives,
        bytes: facts.archiveBytes,
      },
    ],
    counts: {
      events: facts.events,
      bytes: facts.eventBytes,
      d1Rows: Object.fromEntries(rowItems.map((i) => [i.table as string, i.count])),
      doInstances: facts.doInstances,
      jwks: facts.rows.jwks ?? 0,
      environments: 0,
      nodes: facts.rows.org_nodes ?? 0,
    },
    warnings: [
      { code: "IRREVERSIBLE", message: "Everything listed is removed for good; no archive is written" },
    ],
    fingerprint: {
      ...facts.rows,
      events: facts.events,
      eventBytes: facts.eventBytes,
      doInstances: facts.doInstances,
    },
  };
}

/**
 * Deletes every event object, then every DO state (from the registry), then the D1 rows: the
 * events go first so no read in between can rebuild a state from them, and the registry goes last
 * so a failed run can be repeated and still find every DO.
 */
export async function resetEnvironment(env: Env, facts: EnvironmentFacts) {
  const log = new OperationLog();
  const summary: DeletionSummary = emptySummary();
  await log.step("delete-events", async () => {
    let objects = 0;
    for (;;) {
      // Always the first page: each pass deletes what it listed.
      const page = await env.EVENTS.list({ prefix: "events/", limit: 1000 });
      if (page.objects.length === 0) break;
      await deleteKeys(
        env.EVENTS,
        page.objects.map((o) => o.key),
      );
      objects += page.objects.length;
    }
    summary.eventsDeleted = facts.events;
    summary.objectsDeleted = objects;
    summary.bytesDeleted = facts.eventBytes;
    return { detail: `Deleted ${objects} event segment object(s) from R2`, count: facts.events };
  });
  await log.step("delete-do-state", async () => {
    const { results } = await env.DB.prepare("SELECT kind, id FROM aggregates").all<{
      kind: "lock" | "hub";
      id: string;
    }>();
    await forEachLimited(results, DO_CONCURRENCY, (a) => aggregateStub(env, a.kind, a.id).deleteState());
    summary.doInstancesDeleted = results.length;
    return { detail: "Deleted the state of every hub and lock Durable Object", count: results.length };
  });
  await log.step("delete-d1-rows", async () => {
    // Each table counted, then emptied, in one transaction: D1's meta.changes would also count what
    // the search-index triggers write.
    const results = await env.DB.batch<{ n: number }>(
      RESET_TABLES.flatMap((t) => [
        env.DB.prepare(`SELECT COUNT(*) AS n FROM ${t}`),
        env.DB.prepare(`DELETE FROM ${t}`),
      ]),
    );
    RESET_TABLES.forEach((t, i) => {
      summary.d1RowsDeleted[t] = results[2 * i]?.results[0]?.n ?? 0;
    });
    const total = Object.values(summary.d1RowsDeleted).reduce((n, c) => n + c, 0);
    return {
      detail: `Emptied ${RESET_TABLES.length} tables; API keys and the audit log are kept`,
      count: total,
    };
  });
  return { success: !log.failed, operations: log.operations, errors: log.errors, deletionSummary: summary };
}
