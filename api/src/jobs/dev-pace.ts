const STEP_DELAY = "job-step-delay-ms";

/** The dev-only pause before each job step's work (`POST /admin/dev/job-pace`); 0 when unset. */
export async function devStepDelayMs(db: D1Database): Promise<number> {
  const row = await db
    .prepare("SELECT value FROM dev_settings WHERE name = ?1")
    .bind(STEP_DELAY)
    .first<{ value: string }>();
  const ms = Number(row?.value ?? 0);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

export async function setDevStepDelayMs(db: D1Database, ms: number): Promise<void> {
  await db
    .prepare(
      `INSERT INTO dev_settings (name, value, updated_at) VALUES (?1, ?2, ?3)
       ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .bind(STEP_DELAY, String(ms), new Date().toISOString())
    .run();
}

/**
 * In dev only, waits the pace a test set before a step's work (after the step shows `running`), so
 * an end-to-end test sees each step run and can reload a job's page mid-job. Read at every step: a
 * test that sets the pace back to 0 lets a slowed job finish at full speed.
 */
export async function paceDevStep(db: D1Database, environment: string): Promise<void> {
  if (environment !== "dev") return;
  const ms = await devStepDelayMs(db);
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}
