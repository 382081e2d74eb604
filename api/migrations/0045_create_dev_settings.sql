-- Dev-only knobs a test sets through the api (ADR 019): `job-step-delay-ms` slows every deletion
-- job's steps so an end-to-end test can watch a job run and reload its page mid-job. Read only when
-- ENVIRONMENT_NAME is dev; delete-all keeps it (not one of the reset's tables).
CREATE TABLE IF NOT EXISTS dev_settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
