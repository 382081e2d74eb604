// What the crash run deletes (≥ 50 deletions of every kind and mode), and what each target must
// look like in raw storage afterwards: wholly deleted (or, for DO_ONLY, its events and rows intact)
// once its job succeeded; never some of it.
import type { RawStorage } from "./bench-crash-storage.ts";

/** The DO key a deletion job's freeze is kept under (api/src/durable-objects/event-sourced-aggregate.ts). */
const FROZEN_KEY = "frozen-by-job";

export type CrashTarget =
  | {
      kind: "lock";
      lockId: number;
      uuid: string;
      mode: "DELETE_DO_ONLY" | "DELETE_DO_AND_EVENTS";
      cascade: boolean;
    }
  | { kind: "hub"; uuid: string; mode: "DELETE_DO_ONLY" | "DELETE_DO_AND_EVENTS" }
  | { kind: "project-key"; project: string; key: string; action: "NULLIFY" | "DELETE" }
  | { kind: "organization"; idOrg: string }
  | { kind: "environment" };

/** What a target is made of in storage, counted: R2 objects, DO keys, D1 rows per table. */
export type Parts = Record<string, number>;

export function targetLabel(t: CrashTarget): string {
  switch (t.kind) {
    case "lock":
      return `lock ${t.lockId} ${t.mode}${t.mode === "DELETE_DO_AND_EVENTS" ? ` cascade=${t.cascade}` : ""}`;
    case "hub":
      return `hub ${t.uuid.slice(0, 8)} ${t.mode}`;
    case "project-key":
      return `project key ${t.project}/${t.key} ${t.action}`;
    case "organization":
      return `org ${t.idOrg} keys`;
    case "environment":
      return "delete-all";
  }
}

/** The published path and query of the target's deletion. */
export function deletionRequest(t: CrashTarget): { method: "DELETE" | "POST"; path: string } {
  switch (t.kind) {
    case "lock":
      return {
        method: "DELETE",
        path: `/admin/cleanup/locks/${t.lockId}?mode=${t.mode}&cascadeDeleteKeys=${t.cascade}`,
      };
    case "hub":
      return { method: "DELETE", path: `/admin/cleanup/hubs/${t.uuid}?mode=${t.mode}` };
    case "project-key":
      return {
        method: "DELETE",
        path: `/apiops/projects/${encodeURIComponent(t.project)}/keys/${encodeURIComponent(t.key)}/?jwkDeleteAction=${t.action}`,
      };
    case "organization":
      return { method: "DELETE", path: `/organization/${encodeURIComponent(t.idOrg)}/key` };
    case "environment":
      return { method: "POST", path: "/admin/cleanup/delete-all" };
  }
}

const one = (raw: RawStorage, sql: string, ...p: (string | number)[]) =>
  Number(raw.d1<{ n: number }>(sql, ...p)[0]?.n ?? 0);

/**
 * The target's parts as stored now. `orgKeyIds`: an organization's keys (their node links are found
 * by them); `tables`: the D1 tables delete-all's plan says it empties (its dry run's `d1Rows`).
 */
export function partsOf(
  raw: RawStorage,
  t: CrashTarget,
  orgKeyIds: string[] = [],
  tables: string[] = [],
): Parts {
  switch (t.kind) {
    case "lock": {
      const keys = raw.doKeys("lock", t.uuid);
      return {
        events: raw.r2(`events/lock/${t.uuid}/`).length,
        doKeys: keys.filter((k) => k !== FROZEN_KEY).length,
        frozen: keys.includes(FROZEN_KEY) ? 1 : 0,
        locks: one(raw, "SELECT COUNT(*) AS n FROM locks WHERE uuid = ?1", t.uuid),
        aggregates: one(raw, "SELECT COUNT(*) AS n FROM aggregates WHERE kind = 'lock' AND id = ?1", t.uuid),
        tempKeys: one(raw, "SELECT COUNT(*) AS n FROM temp_keys WHERE lock_id = ?1", t.lockId),
        keyAssignments: one(raw, "SELECT COUNT(*) AS n FROM key_assignments WHERE lock_id = ?1", t.lockId),
      };
    }
    case "hub": {
      const keys = raw.doKeys("hub", t.uuid);
      return {
        events: raw.r2(`events/hub/${t.uuid}/`).length,
        doKeys: keys.filter((k) => k !== FROZEN_KEY).length,
        frozen: keys.includes(FROZEN_KEY) ? 1 : 0,
        hubs: one(raw, "SELECT COUNT(*) AS n FROM hubs WHERE id = ?1", t.uuid),
        aggregates: one(raw, "SELECT COUNT(*) AS n FROM aggregates WHERE kind = 'hub' AND id = ?1", t.uuid),
      };
    }
    case "project-key":
      return {
        projectKeys: one(
          raw,
          "SELECT COUNT(*) AS n FROM project_keys WHERE project_name = ?1 AND name = ?2",
          t.project,
          t.key,
        ),
        deployments: one(
          raw,
          "SELECT COUNT(*) AS n FROM deployments WHERE project_name = ?1 AND key_name = ?2",
          t.project,
          t.key,
        ),
        jwksReferencing: one(
          raw,
          "SELECT COUNT(*) AS n FROM jwks WHERE project_name = ?1 AND source_key_name = ?2",
          t.project,
          t.key,
        ),
        // The key's own JWKs, by the seed's kid `${project}-${key}-${n}` (api/src/seed/demo-projects.ts):
        // NULLIFY keeps them, DELETE removes those that referenced the key. Not the project's count,
        // which the deletions of the project's other keys change too.
        keyJwks: raw
          .d1<{ kid: string }>("SELECT kid FROM jwks WHERE project_name = ?1", t.project)
          .filter(
            (r) =>
              r.kid.startsWith(`${t.project}-${t.key}-`) &&
              /^\d+$/.test(r.kid.slice(t.project.length + t.key.length + 2)),
          ).length,
      };
    case "organization": {
      const placeholders = orgKeyIds.map((_, i) => `?${i + 1}`).join(", ") || "NULL";
      return {
        orgKeys: one(raw, "SELECT COUNT(*) AS n FROM org_keys WHERE org_id = ?1", t.idOrg),
        nodeKeys: orgKeyIds.length
          ? one(raw, `SELECT COUNT(*) AS n FROM node_keys WHERE key_id IN (${placeholders})`, ...orgKeyIds)
          : 0,
        orgNodes: one(raw, "SELECT COUNT(*) AS n FROM org_nodes WHERE org_id = ?1", t.idOrg),
      };
    }
    case "environment": {
      const parts: Parts = {
        events: raw.r2("events/").length,
        lockStates: raw.doStates("lock").size,
        hubStates: raw.doStates("hub").size,
        apiKeys: one(raw, "SELECT COUNT(*) AS n FROM api_keys"),
        archives: raw.r2("archives/").length,
      };
      for (const table of tables) {
        if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
        parts[`d1:${table}`] = one(raw, `SELECT COUNT(*) AS n FROM ${table}`);
      }
      return parts;
    }
  }
}

/**
 * The parts a target must have once its deletion succeeded, from those it had before: a number, or
 * `null` where any value is right (a DO_ONLY target's state may be rebuilt by a read).
 */
export function expectedAfter(t: CrashTarget, before: Parts): Record<string, number | null> {
  switch (t.kind) {
    case "lock":
      return t.mode === "DELETE_DO_ONLY"
        ? { ...before, doKeys: null, frozen: 0 }
        : {
            events: 0,
            doKeys: 0,
            frozen: 0,
            locks: 0,
            aggregates: 0,
            tempKeys: 0,
            keyAssignments: t.cascade ? 0 : (before.keyAssignments ?? 0),
          };
    case "hub":
      return t.mode === "DELETE_DO_ONLY"
        ? { ...before, doKeys: null, frozen: 0 }
        : { events: 0, doKeys: 0, frozen: 0, hubs: 0, aggregates: 0 };
    case "project-key":
      return {
        projectKeys: 0,
        deployments: 0,
        jwksReferencing: 0,
        keyJwks: t.action === "DELETE" ? before.keyJwks! - before.jwksReferencing! : before.keyJwks!,
      };
    case "organization":
      return { orgKeys: 0, nodeKeys: 0, orgNodes: before.orgNodes ?? 0 };
    case "environment": {
      const after: Record<string, number | null> = {
        events: 0,
        lockStates: 0,
        hubStates: 0,
        apiKeys: before.apiKeys ?? 0,
        archives: before.archives ?? 0,
      };
      for (const part of Object.keys(before)) if (part.startsWith("d1:")) after[part] = 0;
      return after;
    }
  }
}

/** The parts that differ from what was expected: `name: got (expected)`. */
export function mismatches(after: Parts, expected: Record<string, number | null>): string[] {
  return Object.entries(expected).flatMap(([name, want]) =>
    want === null || after[name] === want ? [] : [`${name}: ${after[name]} (expected ${want})`],
  );
}

/**
 * ≥ 50 deletions of every kind from a seeded (scale 1) environment: locks in all three modes,
 * longest histories first; hubs in both modes; project keys with NULLIFY and DELETE; every
 * organization's keys. delete-all is not among them: it runs last, on its own.
 */
export function chooseTargets(raw: RawStorage, count: number): CrashTarget[] {
  const locks = raw.d1<{ lock_id: number; uuid: string }>(
    `SELECT l.lock_id, l.uuid FROM locks l LEFT JOIN aggregates a ON a.kind = 'lock' AND a.id = l.uuid
     ORDER BY COALESCE(a.event_count, 0) DESC, l.lock_id`,
  );
  const hubs = raw.d1<{ id: string }>("SELECT id FROM hubs ORDER BY id");
  const keys = raw.d1<{ project_name: string; name: string }>(
    "SELECT project_name, name FROM project_keys ORDER BY project_name, name",
  );
  const orgs = raw.d1<{ id: string }>("SELECT DISTINCT org_id AS id FROM org_keys ORDER BY org_id");
  const lockModes = [
    { mode: "DELETE_DO_AND_EVENTS", cascade: true },
    { mode: "DELETE_DO_ONLY", cascade: true },
    { mode: "DELETE_DO_AND_EVENTS", cascade: false },
  ] as const;
  const pick = {
    lock: locks.map((l, i) => ({
      kind: "lock" as const,
      lockId: l.lock_id,
      uuid: l.uuid,
      ...lockModes[i % 3]!,
    })),
    hub: hubs.map((h, i) => ({
      kind: "hub" as const,
      uuid: h.id,
      mode: i % 2 === 0 ? ("DELETE_DO_AND_EVENTS" as const) : ("DELETE_DO_ONLY" as const),
    })),
    key: keys.map((k, i) => ({
      kind: "project-key" as const,
      project: k.project_name,
      key: k.name,
      action: i % 2 === 0 ? ("NULLIFY" as const) : ("DELETE" as const),
    })),
    org: orgs.map((o) => ({ kind: "organization" as const, idOrg: o.id })),
  };
  // About half locks, a fifth hubs, the rest keys and organizations, interleaved.
  const chosen: CrashTarget[] = [];
  const pools = [
    pick.lock,
    pick.hub,
    pick.lock,
    pick.key,
    pick.lock,
    pick.org,
    pick.hub,
    pick.lock,
    pick.key,
  ];
  for (let i = 0; chosen.length < count && pools.some((p) => p.length > 0); i++) {
    const next = pools[i % pools.length]!.shift();
    if (next) chosen.push(next);
  }
  if (Number.isFinite(count) && chosen.length < count)
    throw new Error(`only ${chosen.length} deletion targets in the seed (asked ${count})`);
  return chosen;
}
