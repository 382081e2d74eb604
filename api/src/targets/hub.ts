import type { DeletionMode } from "@cleanup/shared";
import { buildHubPlan, collectHubFacts, requireHub } from "../domain/hubs.ts";
import type { AggregateRestore } from "./aggregate-restore.ts";
import { type AggregateRows, aggregateJob } from "./aggregate-steps.ts";
import type { DeletionTarget } from "./target.ts";

/** The hub's own rows; its paired locks are aggregates of their own and stay. */
const hubRows: AggregateRows = (db, job) => {
  const tables = [
    { table: "hubs", where: "id = ?1" },
    { table: "aggregates", where: "kind = 'hub' AND id = ?1" },
  ];
  // Table names and conditions are the fixed ones above; the id is bound.
  return tables.map((t) => ({
    table: t.table,
    select: db.prepare(`SELECT * FROM ${t.table} WHERE ${t.where}`).bind(job.target.id),
    remove: db.prepare(`DELETE FROM ${t.table} WHERE ${t.where}`).bind(job.target.id),
  }));
};

/** Endpoint 2: `DELETE /admin/cleanup/hubs/{hubId}?mode=`. */
export const hubTarget: DeletionTarget = {
  endpoint: "deleteHub",
  async prepare(c, params, query) {
    const mode = query.mode as DeletionMode;
    const hub = await requireHub(c.env.DB, params.hubId!);
    const facts = await collectHubFacts(c.env, hub);
    return {
      target: { type: "hub", id: hub.id, uuid: hub.id, label: hub.name },
      options: { mode },
      fields: { hubId: hub.id, mode },
      plan: buildHubPlan(facts, mode, c.var.config.environment),
      existsSql: { sql: "SELECT 1 FROM hubs WHERE id = ?13", values: [hub.id] },
    };
  },
  async currentPlan(env, job) {
    const hub = await env.DB.prepare("SELECT id, name, created_at FROM hubs WHERE id = ?1")
      .bind(job.target.id)
      .first<{ id: string; name: string; created_at: string }>();
    if (!hub) return null;
    const facts = await collectHubFacts(env, hub);
    return buildHubPlan(facts, job.params.options.mode as DeletionMode, job.params.environment);
  },
  ...aggregateJob("hub", hubRows),
};

/** Putting a hub back from its archive (issue 2.3): its row and its registry entry; paired locks never left. */
export const hubRestore: AggregateRestore = {
  kind: "hub",
  tables: ["hubs", "aggregates"],
  target(header) {
    const row = header.rows.hubs?.[0] as { name: string } | undefined;
    return { type: "hub", id: header.uuid, uuid: header.uuid, label: row?.name ?? header.uuid };
  },
  fields: (header) => ({ hubId: header.uuid }),
  existsSql: (target) => ({ sql: "SELECT 1 FROM hubs WHERE id = ?1", values: [target.id] }),
};
