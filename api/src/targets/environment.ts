import { buildResetPlan, collectEnvironmentFacts, RESET_TABLES } from "../domain/environment-reset.ts";
import { forEachLimited } from "../lib/pool.ts";
import { aggregateStub } from "../storage/aggregates-registry.ts";
import type { AggregateKind } from "../storage/event-store.ts";
import { cleanupDryRun, cleanupResult, emptySummary, plannedSteps, ran } from "./published-result.ts";
import type { DeletionTarget, JobEnd } from "./target.ts";

/** DO instances deleted at once, and per progress report. */
const DO_CONCURRENCY = 16;
const DO_PAGE = 48;
const EVENT_PAGE = 1000;

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

function summary(end: JobEnd) {
  const { plan } = end.job.params;
  return {
    ...emptySummary(),
    eventsDeleted: ran(end, "delete-events") ? plan.counts.events : 0,
    bytesDeleted: ran(end, "delete-events") ? plan.counts.bytes : 0,
    objectsDeleted: ran(end, "delete-events") ? Number(plan.fingerprint.segments ?? 0) : 0,
    doInstancesDeleted: (end.outputs["delete-do-state"]?.count as number | undefined) ?? 0,
    d1RowsDeleted: ran(end, "delete-d1-rows") ? plan.counts.d1Rows : {},
  };
}

function sentence(end: JobEnd): string {
  const env = end.job.params.environment;
  if (end.refusal) return `Nothing was deleted: ${String(end.refusal.body.message)}.`;
  if (end.failure) {
    return `The reset of ${env} stopped at ${end.failure.step} (${end.failure.message}); run it again to finish.`;
  }
  const s = summary(end);
  return `Emptied the ${env} environment: ${s.eventsDeleted} events, the state of ${s.doInstancesDeleted} Durable Object(s) and ${sum(s.d1RowsDeleted)} D1 row(s) deleted; API keys, the audit log and archives kept.`;
}

/**
 * Endpoint 1: `POST /admin/cleanup/delete-all` (dev only, from the endpoint table). Events first
 * (so no read rebuilds a state from them), then the state of the DO instances that hold any (so the
 * cost follows the data), then every aggregate and read-model table in one transaction, each with
 * `done`/`total` progress as its batches finish.
 */
export const environmentTarget: DeletionTarget = {
  endpoint: "deleteAll",
  async prepare(c) {
    const environment = c.var.config.environment;
    const plan = buildResetPlan(await collectEnvironmentFacts(c.env), environment);
    return {
      target: { type: "environment", id: environment, uuid: null, label: `The ${environment} environment` },
      options: {},
      fields: {},
      plan,
    };
  },
  async currentPlan(env, job) {
    return buildResetPlan(await collectEnvironmentFacts(env), job.params.environment);
  },
  steps: () => ["delete-events", "delete-do-state", "delete-d1-rows"],
  // Every destructive step of a reset leaves the environment part-emptied when the job fails after it.
  leavesPartial: (step) =>
    step === "delete-events" || step === "delete-do-state" || step === "delete-d1-rows",
  run: {
    "delete-events": async ({ env, job, previous, progress }) => {
      const total = Number(job.params.plan.fingerprint.segments ?? 0);
      let done = previous?.done ?? 0;
      for (;;) {
        // Always the first page: each pass deletes what it listed.
        const page = await env.EVENTS.list({ prefix: "events/", limit: EVENT_PAGE });
        if (page.objects.length === 0) break;
        await env.EVENTS.delete(page.objects.map((o) => o.key));
        done = Math.min(total, done + page.objects.length);
        await progress(done, total);
      }
      const events = job.params.plan.counts.events;
      return { detail: `${events} events in ${total} R2 object(s) deleted`, count: total };
    },
    "delete-do-state": async ({ env, job, previous, progress }) => {
      const db = env.DB;
      const remaining = async () =>
        (await db.prepare("SELECT COUNT(*) AS n FROM aggregates WHERE has_state = 1").first<{ n: number }>())
          ?.n ?? 0;
      let done = previous?.done ?? 0;
      const total = done + (await remaining());
      await progress(done, total);
      // A DO's deleteState clears its has_state, so each page is what is left; bounded all the same.
      for (let pass = 0; pass <= Math.ceil(total / DO_PAGE) + 5; pass++) {
        const { results } = await db
          .prepare("SELECT kind, id FROM aggregates WHERE has_state = 1 LIMIT ?1")
          .bind(DO_PAGE)
          .all<{ kind: AggregateKind; id: string }>();
        if (results.length === 0) break;
        await forEachLimited(results, DO_CONCURRENCY, (a) =>
          aggregateStub(env, a.kind, a.id).deleteState(a.id),
        );
        done += results.length;
        await progress(Math.min(done, total), total);
      }
      // The plan's count: a re-run after a crash finds only what the first attempt left.
      const count = Math.max(done, job.params.plan.counts.doInstances);
      return {
        detail: `the state of ${count} Durable Object(s) that held any deleted; the others held none`,
        count,
      };
    },
    "delete-d1-rows": async ({ env, job }) => {
      // Table names come from the constant, never from input.
      await env.DB.batch(RESET_TABLES.map((t) => env.DB.prepare(`DELETE FROM ${t}`)));
      const rows = sum(job.params.plan.counts.d1Rows);
      return {
        detail: `${rows} row(s) of ${RESET_TABLES.length} tables deleted in one transaction; API keys, the audit log, archives and jobs kept`,
        count: rows,
      };
    },
  },
  preview: (prepared, planToken, requestId, duration) => {
    const { plan } = prepared;
    const rows = sum(plan.counts.d1Rows);
    const steps = plannedSteps([
      ["delete-events", `delete ${plan.counts.events} events`, plan.counts.events],
      [
        "delete-do-state",
        `delete the state of ${plan.counts.doInstances} Durable Object(s) that hold any`,
        plan.counts.doInstances,
      ],
      ["delete-d1-rows", `delete ${rows} D1 row(s)`, rows],
    ]);
    const would = `Would empty the ${plan.environment} environment; API keys, the audit log and archives stay.`;
    return cleanupDryRun(prepared, planToken, requestId, duration, steps, would);
  },
  result: (end) => cleanupResult(end, { fields: {}, summary: summary(end), sentence: sentence(end) }),
};
