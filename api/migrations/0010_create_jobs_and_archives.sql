-- Deletion jobs (DESIGN §3.4, ADR 012). One row per job; the job's Cloudflare Workflow instance has the
-- same id. Our own status lives here, because a waiting Workflow instance reports `running` locally.
CREATE TABLE jobs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, -- newest first, and the listing's cursor
  job_id TEXT NOT NULL UNIQUE, -- UUID, also the Workflow instance id
  action TEXT NOT NULL,
  target_type TEXT NOT NULL CHECK (target_type IN ('lock', 'hub', 'organization', 'project-key', 'environment')),
  target_id TEXT NOT NULL, -- canonical: a lock's numeric id, a hub's UUID, projectName/keyName, idOrg, the environment
  target_uuid TEXT, -- a lock's or hub's UUID (its DO and R2 prefix)
  target_label TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'scheduled', 'awaiting-approval', 'running', 'succeeded', 'failed', 'cancelled')),
  actor TEXT NOT NULL,
  idem_key TEXT, -- Idempotency-Key, per actor; NULL when none was sent
  request_hash TEXT NOT NULL,
  params TEXT NOT NULL, -- JSON: options, plan, planToken, reason, requestId, clientRequestId, environment
  steps TEXT NOT NULL, -- JSON array of JobStep
  result TEXT, -- JSON {httpStatus, body} once ended
  error TEXT, -- JSON {step, message} when failed
  audit_ids TEXT NOT NULL DEFAULT '[]', -- JSON array: the started record, then the final one
  partial INTEGER NOT NULL DEFAULT 0, -- 1: failed after a destructive step ran (target part-deleted)
  created_at TEXT NOT NULL,
  run_at TEXT NOT NULL,
  ended_at TEXT,
  updated_at TEXT NOT NULL
);
-- One live job per target: the claim is a single INSERT that this index (and a NOT EXISTS for
-- delete-all, which conflicts with every live job) makes atomic.
CREATE UNIQUE INDEX jobs_one_live_per_target ON jobs (target_type, target_id)
  WHERE status IN ('queued', 'scheduled', 'awaiting-approval', 'running');
CREATE UNIQUE INDEX jobs_idempotency_key ON jobs (actor, idem_key) WHERE idem_key IS NOT NULL;
CREATE INDEX jobs_target ON jobs (target_type, target_id, seq);
CREATE INDEX jobs_status ON jobs (status, seq);

-- Every archive object under archives/ (DESIGN §3.3): registered before it is written, marked
-- verified once read back and checked. Kept by delete-all.
CREATE TABLE archives (
  id TEXT PRIMARY KEY,
  job_id TEXT, -- NULL for archives written before jobs (registered from R2 by the listing)
  target_type TEXT NOT NULL CHECK (target_type IN ('lock', 'hub')),
  target_id TEXT NOT NULL,
  target_uuid TEXT,
  path TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('writing', 'verified')),
  events INTEGER,
  last_seq INTEGER,
  bytes INTEGER,
  sha256 TEXT,
  created_at TEXT NOT NULL,
  verified_at TEXT
);
CREATE UNIQUE INDEX archives_job ON archives (job_id) WHERE job_id IS NOT NULL;
CREATE INDEX archives_target ON archives (target_type, target_id, created_at);
CREATE INDEX archives_target_uuid ON archives (target_uuid, created_at);

-- Once the R2 archives written before this table existed are registered (one scan, ever).
CREATE TABLE archive_backfill (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  done_at TEXT NOT NULL
);

-- Whether the aggregate's DO instance may hold stored state: set before a snapshot (or a freeze)
-- is written, cleared when the state is deleted. delete-all deletes only instances with 1.
-- Rows that exist already are unknown, so they count as holding state.
ALTER TABLE aggregates ADD COLUMN has_state INTEGER NOT NULL DEFAULT 0;
UPDATE aggregates SET has_state = 1;
CREATE INDEX aggregates_has_state ON aggregates (has_state) WHERE has_state = 1;
