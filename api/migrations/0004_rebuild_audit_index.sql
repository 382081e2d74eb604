-- The audit index gains the outcomes of deletion jobs (started, cancelled) and four columns: the
-- target's alias (a lock's UUID beside its canonical numeric id), the caller's own request id, the
-- job id and a refusal summary's count. SQLite cannot change a CHECK constraint in place, so the
-- table is rebuilt; every row is kept as it was (verify compares the rows with their R2 records).

CREATE TABLE audit_index_next (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  environment TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  target_alias TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('started', 'success', 'failure', 'refused', 'cancelled')),
  reason TEXT,
  request_id TEXT NOT NULL,
  client_request_id TEXT,
  job_id TEXT,
  count INTEGER,
  path TEXT NOT NULL,
  http_status INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);

INSERT INTO audit_index_next (id, seq, at, actor, environment, action, target_type, target_id, outcome,
    reason, request_id, path, http_status, prev_hash, hash)
  SELECT id, seq, at, actor, environment, action, target_type, target_id, outcome,
    reason, request_id, path, http_status, prev_hash, hash
  FROM audit_index;

DROP TABLE audit_index;
ALTER TABLE audit_index_next RENAME TO audit_index;

CREATE INDEX audit_index_at ON audit_index (at);
CREATE INDEX audit_index_actor ON audit_index (actor, seq);
CREATE INDEX audit_index_target ON audit_index (target_type, target_id, seq);
CREATE INDEX audit_index_target_id ON audit_index (target_id, seq);
CREATE INDEX audit_index_outcome ON audit_index (outcome, seq);
CREATE INDEX audit_index_action ON audit_index (action, seq);
CREATE INDEX audit_index_target_alias ON audit_index (target_alias, seq);
CREATE INDEX audit_index_job_id ON audit_index (job_id, seq);
