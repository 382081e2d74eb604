import type { Plan, PlanItem } from "@cleanup/shared";
import { archiveTotals, registerLegacyArchives } from "../storage/archives-table.ts";

/**
 * The tables delete-all empties: every aggregate and read model. Kept: `api_keys` (given at
 * onboarding), `audit_index` (the audit log survives), `archives` and `jobs` (what deletions
 * left and did), and the console's own bookkeeping (`plan_previews`, `dev_issuer_keys`,
 * `system_events`). `aggregates` goes last.
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

export type EnvironmentFacts = {
  rows: Record<string, number>;
  events: number;
  eventBytes: number;
  /** Event objects in R2, as the registry counts them. */
  segments: number;
  /** DO instances that may hold stored state (`aggregates.has_state`): the only ones delete-all touches. */
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
  await registerLegacyArchives(db, env.EVENTS);
  const [rows, totals, archives] = await Promise.all([
    db.prepare(`SELECT ${counts}`).first<Record<string, number>>(),
    db
      .prepare(
        `SELECT COALESCE(SUM(event_count), 0) AS events, COALESCE(SUM(event_bytes), 0) AS eventBytes,
                COALESCE(SUM(segment_count), 0) AS segments, COALESCE(SUM(has_state), 0) AS doInstances,
                (SELECT COUNT(*) FROM api_keys) AS apiKeys, (SELECT COUNT(*) FROM audit_index) AS auditRecords
         FROM aggregates`,
      )
      .first<Omit<EnvironmentFacts, "rows" | "archives" | "archiveBytes">>(),
    archiveTotals(db),
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
      {
        kind: "do-state",
        label: `The state of every Durable Object that holds any (${facts.doInstances} of ${facts.rows.aggregates ?? 0} hubs and locks)`,
        count: facts.doInstances,
      },
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
    // Not the DO instances holding state: a read materialises one, and must not break a reset.
    fingerprint: {
      ...facts.rows,
      events: facts.events,
      eventBytes: facts.eventBytes,
      segments: facts.segments,
    },
  };
}
