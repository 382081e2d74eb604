-- The audit listing's equality filters, each with seq: a filtered page is one index range in chain
-- order instead of a walk over the whole log (actor and target_type+target_id have theirs in 0001).
-- target_id alone is what the console's "Target id" filter sends.
CREATE INDEX audit_index_target_id ON audit_index (target_id, seq);
CREATE INDEX audit_index_outcome ON audit_index (outcome, seq);
CREATE INDEX audit_index_action ON audit_index (action, seq);
