-- Issue 23: upstream list entries pulled from their source's interface carry the source's own id, so that the same
-- entry pulled again changes nothing and its removal upstream removes it here.
ALTER TABLE lists.list_entry ADD COLUMN upstream_source TEXT;
ALTER TABLE lists.list_entry ADD COLUMN upstream_id TEXT;
CREATE UNIQUE INDEX list_entry_upstream_idx ON lists.list_entry (upstream_source, upstream_id) WHERE upstream_id IS NOT NULL;
