import type { EnvironmentInfo } from "@cleanup/shared";

export type EnvironmentCounts = EnvironmentInfo["counts"];

/** Row counts of the environment's data, in one statement. */
export async function environmentCounts(db: D1Database): Promise<EnvironmentCounts> {
  const row = await db
    .prepare(
      `SELECT
         (SELECT COUNT(*) FROM hubs) AS hubs,
         (SELECT COUNT(*) FROM locks) AS locks,
         (SELECT COUNT(*) FROM users) AS users,
         (SELECT COUNT(*) FROM key_assignments) AS keyAssignments,
         (SELECT COUNT(*) FROM temp_keys) AS tempKeys,
         (SELECT COUNT(*) FROM api_keys) AS apiKeys,
         (SELECT COUNT(*) FROM organizations) AS organizations,
         (SELECT COUNT(*) FROM org_keys) AS orgKeys,
         (SELECT COUNT(*) FROM projects) AS projects,
         (SELECT COUNT(*) FROM jwks) AS jwks,
         (SELECT COALESCE(SUM(event_count), 0) FROM aggregates) AS events`,
    )
    .first<EnvironmentCounts>();
  if (!row) throw new Error("Counting rows returned nothing");
  return row;
}
