-- Read models of the platform (DESIGN section 2) plus the console's own bookkeeping tables.
-- Ids are TEXT except a lock's numeric id; times are ISO 8601 UTC strings.

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE hubs (
  id TEXT PRIMARY KEY, -- UUID, lower case
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX hubs_name ON hubs (name);

CREATE TABLE locks (
  lock_id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE, -- lower case
  name TEXT NOT NULL,
  hub_id TEXT, -- no foreign key: deleting a hub must not silently cascade into locks
  created_at TEXT NOT NULL
);
CREATE INDEX locks_hub_id ON locks (hub_id);
CREATE INDEX locks_name ON locks (name);

CREATE TABLE key_assignments (
  id TEXT PRIMARY KEY,
  lock_id INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('OWNER', 'GUEST')),
  created_at TEXT NOT NULL
);
CREATE INDEX key_assignments_lock_id ON key_assignments (lock_id);
CREATE INDEX key_assignments_user_id ON key_assignments (user_id);

CREATE TABLE temp_keys (
  id TEXT PRIMARY KEY,
  lock_id INTEGER NOT NULL,
  user_id TEXT,
  valid_from TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX temp_keys_lock_id ON temp_keys (lock_id);

CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE org_members (
  org_id TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('OWNER', 'ADMINISTRATOR', 'MEMBER')),
  PRIMARY KEY (org_id, email)
);
CREATE INDEX org_members_email ON org_members (email);

-- Given to an organization at onboarding; never deleted by the console.
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  org_id TEXT,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX api_keys_org_id ON api_keys (org_id);

-- Key pairs an organization's nodes sign with.
CREATE TABLE org_keys (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  algorithm TEXT NOT NULL,
  public_key TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX org_keys_org_id ON org_keys (org_id);

CREATE TABLE org_nodes (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX org_nodes_org_id ON org_nodes (org_id);

CREATE TABLE node_keys (
  node_id TEXT NOT NULL,
  key_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (node_id, key_id)
);
CREATE INDEX node_keys_key_id ON node_keys (key_id);

CREATE TABLE projects (
  name TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
);

CREATE TABLE project_keys (
  project_name TEXT NOT NULL,
  name TEXT NOT NULL,
  algorithm TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (project_name, name)
);
CREATE INDEX project_keys_name ON project_keys (name);

-- A JWK created from a project key keeps a reference to it; NULL once that key is gone (NULLIFY).
CREATE TABLE jwks (
  kid TEXT PRIMARY KEY,
  project_name TEXT NOT NULL,
  source_key_name TEXT,
  public_jwk TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX jwks_source ON jwks (project_name, source_key_name);

CREATE TABLE deployments (
  project_name TEXT NOT NULL,
  key_name TEXT NOT NULL,
  environment_name TEXT NOT NULL CHECK (environment_name IN ('dev', 'stage', 'production')),
  deployed_at TEXT NOT NULL,
  PRIMARY KEY (project_name, key_name, environment_name)
);

-- Every Durable Object instance that holds an aggregate. A namespace cannot be listed,
-- so delete-all and the environment counts read this registry.
CREATE TABLE aggregates (
  kind TEXT NOT NULL CHECK (kind IN ('lock', 'hub')),
  id TEXT NOT NULL, -- the aggregate's UUID
  event_count INTEGER NOT NULL DEFAULT 0,
  event_bytes INTEGER NOT NULL DEFAULT 0,
  segment_count INTEGER NOT NULL DEFAULT 0,
  last_event_at TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);

-- Listing index of the audit records stored in R2; `hash` chains each to its predecessor.
CREATE TABLE audit_index (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  environment TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'refused')),
  reason TEXT,
  request_id TEXT NOT NULL,
  path TEXT NOT NULL,
  http_status INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_index_at ON audit_index (at);
CREATE INDEX audit_index_actor ON audit_index (actor, seq);
CREATE INDEX audit_index_target ON audit_index (target_type, target_id, seq);

-- Stored results of deletions sent with an Idempotency-Key, per actor.
CREATE TABLE idempotency (
  actor TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('running', 'done')),
  http_status INTEGER,
  response_body TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (actor, idem_key)
);

-- Plans shown by dry runs, so a 412 can say what changed since the preview.
CREATE TABLE plan_previews (
  token TEXT PRIMARY KEY,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  plan TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX plan_previews_created_at ON plan_previews (created_at);

-- The dev identity issuer's signing key (dev environment only).
CREATE TABLE dev_issuer_keys (
  kid TEXT PRIMARY KEY,
  private_jwk TEXT NOT NULL,
  public_jwk TEXT NOT NULL,
  created_at TEXT NOT NULL
);
