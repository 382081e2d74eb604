/** D1 binds at most 100 parameters per statement. */
export const D1_MAX_PARAMS = 100;

/**
 * Multi-row INSERT statements for `rows`, each within D1's parameter limit.
 *
 * @example
 * await db.batch(insertRows(db, "users", ["id", "email"], [["u1", "a@x"], ["u2", "b@x"]]));
 */
export function insertRows(
  db: D1Database,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  verb = "INSERT OR IGNORE",
): D1PreparedStatement[] {
  // Table and column names come from code, never from input; values are always bound.
  const perStatement = Math.max(1, Math.floor(D1_MAX_PARAMS / columns.length));
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    const sql = `${verb} INTO ${table} (${columns.join(", ")}) VALUES ${chunk.map(() => tuple).join(", ")}`;
    statements.push(db.prepare(sql).bind(...chunk.flat()));
  }
  return statements;
}

/** Runs `SELECT COUNT(*) AS n ...` and returns n. */
export async function countOf(statement: D1PreparedStatement): Promise<number> {
  const row = await statement.first<{ n: number }>();
  return row?.n ?? 0;
}
