import type { SearchItem, TargetType } from "@cleanup/shared";

type Ranked = SearchItem & { rank: number };

/** Escapes LIKE wildcards so a user's `%` or `_` matches itself. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * Per type: a query returning `id`, `label` and `rank` (0 exact id, 1 prefix, 2 contains),
 * with ?1 = the term, ?2 = its prefix pattern, ?3 = its contains pattern, ?4 = the limit.
 * An empty term lists (every row has rank 2).
 */
const QUERIES: Record<TargetType, string> = {
  lock: `SELECT CAST(lock_id AS TEXT) AS id, name || ' (#' || lock_id || ')' AS label,
           CASE WHEN CAST(lock_id AS TEXT) = ?1 OR uuid = ?1 THEN 0
                WHEN CAST(lock_id AS TEXT) LIKE ?2 ESCAPE '\\' OR uuid LIKE ?2 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\' THEN 1
                ELSE 2 END AS rank
         FROM locks
         WHERE ?1 = '' OR CAST(lock_id AS TEXT) LIKE ?2 ESCAPE '\\' OR uuid LIKE ?2 ESCAPE '\\' OR name LIKE ?3 ESCAPE '\\'
         ORDER BY rank, lock_id LIMIT ?4`,
  hub: `SELECT id, name AS label,
          CASE WHEN id = ?1 THEN 0 WHEN id LIKE ?2 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\' THEN 1 ELSE 2 END AS rank
        FROM hubs
        WHERE ?1 = '' OR id LIKE ?2 ESCAPE '\\' OR name LIKE ?3 ESCAPE '\\'
        ORDER BY rank, name, id LIMIT ?4`,
  organization: `SELECT id, name || ' (' || id || ')' AS label,
          CASE WHEN id = ?1 THEN 0 WHEN id LIKE ?2 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\' THEN 1 ELSE 2 END AS rank
        FROM organizations
        WHERE ?1 = '' OR id LIKE ?3 ESCAPE '\\' OR name LIKE ?3 ESCAPE '\\'
        ORDER BY rank, id LIMIT ?4`,
  "project-key": `SELECT project_name || '/' || name AS id, project_name || '/' || name AS label,
          CASE WHEN project_name || '/' || name = ?1 THEN 0
               WHEN project_name || '/' || name LIKE ?2 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\' THEN 1 ELSE 2 END AS rank
        FROM project_keys
        WHERE ?1 = '' OR project_name || '/' || name LIKE ?3 ESCAPE '\\'
        ORDER BY rank, project_name, name LIMIT ?4`,
};

const TYPE_ORDER: TargetType[] = ["lock", "hub", "organization", "project-key"];

/**
 * Finds deletable targets by id, UUID or name; an empty `q` lists. Results of different
 * types interleave by relevance, so one type cannot crowd out an exact match of another.
 *
 * @example
 * await searchTargets(env.DB, { q: "1001", limit: 20 }) // [{ type: "lock", id: "1001", label: "Garage (#1001)" }, ...]
 */
export async function searchTargets(
  db: D1Database,
  { q, type, limit }: { q: string; type?: TargetType | undefined; limit: number },
): Promise<SearchItem[]> {
  const term = q.trim().toLowerCase();
  const escaped = likeEscape(term);
  const types = type ? [type] : TYPE_ORDER;
  const perType = await Promise.all(
    types.map(async (t) => {
      const { results } = await db
        .prepare(QUERIES[t])
        .bind(term, `${escaped}%`, `%${escaped}%`, limit)
        .all<Ranked>();
      return results.map((r, position) => ({
        item: { type: t, id: r.id, label: r.label },
        rank: r.rank,
        position,
      }));
    }),
  );
  return perType
    .flat()
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.position - b.position ||
        TYPE_ORDER.indexOf(a.item.type) - TYPE_ORDER.indexOf(b.item.type),
    )
    .slice(0, limit)
    .map((r) => r.item);
}
