-- Issue 2.3 (ADR 024): restores, waiting periods and second approvers on the jobs of ADR 012.
-- An archive restores once: the restore job that wrote it back is kept on it.
ALTER TABLE archives ADD COLUMN restored_by_job TEXT;
ALTER TABLE archives ADD COLUMN restored_at TEXT;
-- A job that waits for a second staff member: JSON {expiresAt, decision, decidedBy, decidedAt, reason}.
ALTER TABLE jobs ADD COLUMN approval TEXT;
-- Who ended a job that never ran (cancelled or rejected it).
ALTER TABLE jobs ADD COLUMN ended_by TEXT;
-- The approvals page and the scheduler's listing read these.
CREATE INDEX jobs_status_run_at ON jobs (status, run_at);
