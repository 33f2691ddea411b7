-- List entries (issue 9) are shown beside records in a subject's sections: an entry row is either a record's or a
-- list entry's. The record id stays unique (the projection's upsert relies on it) but is no longer the key.
ALTER TABLE portal.entry DROP CONSTRAINT entry_pkey;
ALTER TABLE portal.entry ALTER COLUMN record_id DROP NOT NULL;
ALTER TABLE portal.entry ADD CONSTRAINT entry_record_key UNIQUE (record_id);
ALTER TABLE portal.entry ADD COLUMN list_entry_id BIGINT;
ALTER TABLE portal.entry ADD CONSTRAINT entry_list_entry_key UNIQUE (list_entry_id);
ALTER TABLE portal.entry ADD CONSTRAINT entry_source_check CHECK ((record_id IS NULL) <> (list_entry_id IS NULL));
