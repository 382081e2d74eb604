-- Search on indexes (docs/decisions/011-search-on-indexes.md): every query of GET /admin/search is an
-- index seek or an FTS5 lookup, never a scan of the table.
--
-- sort_key: the label's natural key (lower case, diacritics removed, each run of digits written as its
-- two-digit length and the digits, so "Hub 2" sorts before "Hub 10"). Written by the api
-- (src/domain/natural-key.ts) with every row; a writer that leaves it out gets lower(name) from the
-- triggers below, so the row is still listed and found, only its place among numbered names is off.
ALTER TABLE locks ADD COLUMN sort_key TEXT;
ALTER TABLE hubs ADD COLUMN sort_key TEXT;
ALTER TABLE organizations ADD COLUMN sort_key TEXT;
ALTER TABLE project_keys ADD COLUMN sort_key TEXT;
UPDATE locks SET sort_key = lower(name);
UPDATE hubs SET sort_key = lower(name);
UPDATE organizations SET sort_key = lower(name);
UPDATE project_keys SET sort_key = lower(project_name || '/' || name);

CREATE INDEX locks_sort_key ON locks (sort_key, lock_id);
CREATE INDEX hubs_sort_key ON hubs (sort_key, id);
CREATE INDEX organizations_sort_key ON organizations (sort_key, id);
CREATE INDEX project_keys_sort_key ON project_keys (sort_key, project_name, name);
-- Replaced by the sort keys (prefix search and listing); nothing else reads them.
DROP INDEX locks_name;
DROP INDEX hubs_name;

-- "contains" search: trigram FTS5 tables keyed by the base table's rowid (a lock's rowid is its
-- lock_id). Contentless with contentless_delete, so a delete of a row that is not indexed is a no-op:
-- the index cannot be corrupted by a writer the triggers did not foresee.
CREATE VIRTUAL TABLE locks_fts USING fts5(text, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1');
CREATE VIRTUAL TABLE hubs_fts USING fts5(text, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1');
CREATE VIRTUAL TABLE organizations_fts USING fts5(text, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1');
CREATE VIRTUAL TABLE project_keys_fts USING fts5(text, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1');

-- Row counts of the searchable tables, kept by the triggers: the listing's total is one read, not a
-- COUNT(*) over millions of rows.
CREATE TABLE search_counts (
  target_type TEXT PRIMARY KEY,
  n INTEGER NOT NULL
);
INSERT INTO search_counts (target_type, n) VALUES
  ('lock', (SELECT COUNT(*) FROM locks)),
  ('hub', (SELECT COUNT(*) FROM hubs)),
  ('organization', (SELECT COUNT(*) FROM organizations)),
  ('project-key', (SELECT COUNT(*) FROM project_keys));

INSERT INTO locks_fts (rowid, text) SELECT lock_id, name FROM locks;
INSERT INTO hubs_fts (rowid, text) SELECT rowid, name FROM hubs;
INSERT INTO organizations_fts (rowid, text) SELECT rowid, id || ' ' || name FROM organizations;
INSERT INTO project_keys_fts (rowid, text) SELECT rowid, project_name || '/' || name FROM project_keys;

-- locks
CREATE TRIGGER locks_search_insert AFTER INSERT ON locks BEGIN
  INSERT OR REPLACE INTO locks_fts (rowid, text) VALUES (NEW.lock_id, NEW.name);
  UPDATE search_counts SET n = n + 1 WHERE target_type = 'lock';
END;
CREATE TRIGGER locks_search_sort_key AFTER INSERT ON locks WHEN NEW.sort_key IS NULL BEGIN
  UPDATE locks SET sort_key = lower(NEW.name) WHERE lock_id = NEW.lock_id;
END;
CREATE TRIGGER locks_search_delete AFTER DELETE ON locks BEGIN
  DELETE FROM locks_fts WHERE rowid = OLD.lock_id;
  UPDATE search_counts SET n = n - 1 WHERE target_type = 'lock';
END;
CREATE TRIGGER locks_search_update AFTER UPDATE OF name, lock_id ON locks BEGIN
  DELETE FROM locks_fts WHERE rowid = OLD.lock_id;
  INSERT OR REPLACE INTO locks_fts (rowid, text) VALUES (NEW.lock_id, NEW.name);
END;

-- hubs
CREATE TRIGGER hubs_search_insert AFTER INSERT ON hubs BEGIN
  INSERT OR REPLACE INTO hubs_fts (rowid, text) VALUES (NEW.rowid, NEW.name);
  UPDATE search_counts SET n = n + 1 WHERE target_type = 'hub';
END;
CREATE TRIGGER hubs_search_sort_key AFTER INSERT ON hubs WHEN NEW.sort_key IS NULL BEGIN
  UPDATE hubs SET sort_key = lower(NEW.name) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER hubs_search_delete AFTER DELETE ON hubs BEGIN
  DELETE FROM hubs_fts WHERE rowid = OLD.rowid;
  UPDATE search_counts SET n = n - 1 WHERE target_type = 'hub';
END;
CREATE TRIGGER hubs_search_update AFTER UPDATE OF name ON hubs BEGIN
  INSERT OR REPLACE INTO hubs_fts (rowid, text) VALUES (NEW.rowid, NEW.name);
END;

-- organizations
CREATE TRIGGER organizations_search_insert AFTER INSERT ON organizations BEGIN
  INSERT OR REPLACE INTO organizations_fts (rowid, text) VALUES (NEW.rowid, NEW.id || ' ' || NEW.name);
  UPDATE search_counts SET n = n + 1 WHERE target_type = 'organization';
END;
CREATE TRIGGER organizations_search_sort_key AFTER INSERT ON organizations WHEN NEW.sort_key IS NULL BEGIN
  UPDATE organizations SET sort_key = lower(NEW.name) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER organizations_search_delete AFTER DELETE ON organizations BEGIN
  DELETE FROM organizations_fts WHERE rowid = OLD.rowid;
  UPDATE search_counts SET n = n - 1 WHERE target_type = 'organization';
END;
CREATE TRIGGER organizations_search_update AFTER UPDATE OF id, name ON organizations BEGIN
  INSERT OR REPLACE INTO organizations_fts (rowid, text) VALUES (NEW.rowid, NEW.id || ' ' || NEW.name);
END;

-- project keys (searched by their id, projectName/keyName)
CREATE TRIGGER project_keys_search_insert AFTER INSERT ON project_keys BEGIN
  INSERT OR REPLACE INTO project_keys_fts (rowid, text) VALUES (NEW.rowid, NEW.project_name || '/' || NEW.name);
  UPDATE search_counts SET n = n + 1 WHERE target_type = 'project-key';
END;
CREATE TRIGGER project_keys_search_sort_key AFTER INSERT ON project_keys WHEN NEW.sort_key IS NULL BEGIN
  UPDATE project_keys SET sort_key = lower(NEW.project_name || '/' || NEW.name) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER project_keys_search_delete AFTER DELETE ON project_keys BEGIN
  DELETE FROM project_keys_fts WHERE rowid = OLD.rowid;
  UPDATE search_counts SET n = n - 1 WHERE target_type = 'project-key';
END;
CREATE TRIGGER project_keys_search_update AFTER UPDATE OF project_name, name ON project_keys BEGIN
  INSERT OR REPLACE INTO project_keys_fts (rowid, text) VALUES (NEW.rowid, NEW.project_name || '/' || NEW.name);
END;
