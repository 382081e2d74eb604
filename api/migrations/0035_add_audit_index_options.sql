-- The options a deletion ran with (mode, cascadeDeleteKeys, jwkDeleteAction), as JSON, so the
-- console's audit list shows "delete-lock · DO + events · keys kept" without reading every record
-- from R2. Records written before this migration have NULL here; their R2 copy still holds them.
ALTER TABLE audit_index ADD COLUMN options TEXT;
