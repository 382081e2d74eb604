// The crash run's view of what is really stored: the local R2, D1 and Durable Object storage of a
// `wrangler dev` state dir, read straight from miniflare's SQLite files (the api stopped), so that a
// check never asks the code under test what it did.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

type Row = Record<string, unknown>;

/** The one `<hash>.sqlite` of a miniflare object directory (not its `metadata.sqlite`). */
function objectFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(".sqlite") && n !== "metadata.sqlite")
    .map((n) => path.join(dir, n));
}

function open(file: string): DatabaseSync {
  return new DatabaseSync(file, { readOnly: true });
}

export type RawStorage = {
  /** R2 objects under `prefix`, with their sizes. */
  r2(prefix: string): { key: string; size: number }[];
  /** A D1 query (parameterised). */
  d1<T = Row>(sql: string, ...params: (string | number | null)[]): T[];
  /** The keys a lock's or hub's Durable Object holds (by the name it was addressed with, its UUID). */
  doKeys(kind: "lock" | "hub", uuid: string): string[];
  /** Every Durable Object of that class that holds any key, by name. */
  doStates(kind: "lock" | "hub"): Map<string, string[]>;
  close(): void;
};

/**
 * Opens the persisted storage of `stateDir` (`--persist-to`) read-only. Call it with the api
 * stopped (killed or not): miniflare keeps D1, R2's index and each DO in SQLite, so what a killed
 * process had committed is exactly what is read here.
 *
 * @example const raw = openRawStorage(dir); raw.r2("archives/").length; raw.close();
 */
export function openRawStorage(stateDir: string): RawStorage {
  const v3 = path.join(stateDir, "v3");
  const [d1File] = objectFiles(path.join(v3, "d1/miniflare-D1DatabaseObject"));
  const [r2File] = objectFiles(path.join(v3, "r2/miniflare-R2BucketObject"));
  if (!d1File) throw new Error(`no D1 database under ${v3}`);
  const d1 = open(d1File);
  const r2 = r2File ? open(r2File) : null;
  const doClass = { lock: "cleanup-console-api-LockAggregate", hub: "cleanup-console-api-HubAggregate" };
  const cache = new Map<"lock" | "hub", Map<string, string[]>>();
  const states = (kind: "lock" | "hub") => {
    const cached = cache.get(kind);
    if (cached) return cached;
    const byName = new Map<string, string[]>();
    for (const file of objectFiles(path.join(v3, "do", doClass[kind]))) {
      const db = open(file);
      try {
        const tables = new Set(
          (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Row[]).map((r) =>
            String(r.name),
          ),
        );
        if (!tables.has("__miniflare_do_name")) continue;
        const name = String((db.prepare("SELECT name FROM __miniflare_do_name").get() as Row).name);
        const keys = tables.has("_cf_KV")
          ? (db.prepare("SELECT key FROM _cf_KV").all() as Row[]).map((r) => String(r.key))
          : [];
        if (keys.length > 0) byName.set(name, keys);
      } finally {
        db.close();
      }
    }
    cache.set(kind, byName);
    return byName;
  };
  return {
    r2(prefix) {
      if (!r2) return [];
      return (
        r2
          .prepare("SELECT key, size FROM _mf_objects WHERE key >= ?1 AND key < ?2 ORDER BY key")
          .all(prefix, `${prefix}\uffff`) as Row[]
      ).map((r) => ({ key: String(r.key), size: Number(r.size) }));
    },
    d1<T>(sql: string, ...params: (string | number | null)[]) {
      return d1.prepare(sql).all(...params) as T[];
    },
    doKeys(kind, uuid) {
      return states(kind).get(uuid) ?? [];
    },
    doStates: states,
    close() {
      d1.close();
      r2?.close();
    },
  };
}
