import type { DeletionMode, Plan, PlanItem, PlanWarning } from "@cleanup/shared";
import type { EventsSummary } from "../storage/event-store.ts";
import { recentActivityWarning } from "./plan-warnings.ts";

/** A D1 item of the plan; `goes` says whether DELETE_DO_AND_EVENTS removes it (DO_ONLY keeps all). */
export type RowItem = { item: PlanItem; goes: boolean };

export type AggregatePlanInput = {
  target: Plan["target"];
  environment: string;
  mode: DeletionMode;
  options: Plan["options"];
  events: EventsSummary;
  doLabel: string;
  rows: RowItem[];
  /** Warnings only this kind of target has, for a full deletion. */
  warnings: PlanWarning[];
  fingerprint: Plan["fingerprint"];
  now: number;
};

/**
 * The plan of a hub or lock deletion: what goes and what stays, with counts and warnings. Pure.
 * DELETE_DO_AND_EVENTS deletes the events (keeping a verified archive), the DO state and the
 * rows marked `goes`; DELETE_DO_ONLY deletes the DO state and keeps everything else.
 */
export function buildAggregatePlan(input: AggregatePlanInput): Plan {
  const { events } = input;
  const full = input.mode === "DELETE_DO_AND_EVENTS";
  const eventsItem: PlanItem = {
    kind: "events",
    label: `${events.eventCount} events in ${events.segmentCount} R2 segment object(s)`,
    count: events.eventCount,
    bytes: events.eventBytes,
  };
  const doItem: PlanItem = { kind: "do-state", label: input.doLabel, count: 1 };
  const remove: PlanItem[] = [];
  const keep: PlanItem[] = [];
  const warnings: PlanWarning[] = [];

  if (full) {
    remove.push(eventsItem, doItem, ...input.rows.filter((r) => r.goes).map((r) => r.item));
    keep.push(
      { ...eventsItem, kind: "archive", label: `Verified archive of all ${events.eventCount} events in R2` },
      ...input.rows.filter((r) => !r.goes).map((r) => r.item),
    );
    warnings.push(
      {
        code: "IRREVERSIBLE",
        message: "Events, state and rows are removed for good; only the archive keeps the events",
      },
      ...input.warnings,
    );
  } else {
    remove.push(doItem);
    keep.push(eventsItem, ...input.rows.map((r) => r.item));
    warnings.push({
      code: "EVENTS_KEPT",
      message: `The state is rebuilt from the ${events.eventCount} kept events on next access`,
    });
  }
  const recent = recentActivityWarning(events.lastEventAt, input.now);
  if (recent) warnings.push(recent);

  const d1Rows: Record<string, number> = {};
  for (const item of remove) if (item.kind === "d1-rows" && item.table) d1Rows[item.table] = item.count;
  return {
    target: input.target,
    environment: input.environment,
    options: input.options,
    delete: remove,
    keep,
    counts: {
      events: full ? events.eventCount : 0,
      bytes: full ? events.eventBytes : 0,
      d1Rows,
      doInstances: 1,
      jwks: 0,
      environments: 0,
      nodes: 0,
    },
    warnings,
    fingerprint: input.fingerprint,
  };
}
