-- Issue 21: an entry of the website is a credit entry of any producer, named by its kind and its id in that kind,
-- with whether the platform's repair and objection apply to it (the producer says so; the pages no longer guess it
-- from the section). Rows written before are approximated here and replaced by the rebuild that projection version 3
-- starts.
ALTER TABLE portal.entry ADD COLUMN entry_kind TEXT;
ALTER TABLE portal.entry ADD COLUMN entry_id BIGINT;
ALTER TABLE portal.entry ADD COLUMN repairable BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE portal.entry ADD COLUMN objectable BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE portal.entry SET
    entry_kind = CASE WHEN record_id IS NOT NULL THEN 'RECORD' ELSE 'LIST_ENTRY' END,
    entry_id = coalesce(record_id, list_entry_id),
    objectable = record_id IS NOT NULL,
    repairable = CASE WHEN record_id IS NOT NULL THEN section IN ('PENALTY', 'ABNORMAL', 'OTHER')
                      ELSE section = 'SERIOUS_DISHONESTY' END;
ALTER TABLE portal.entry ALTER COLUMN entry_kind SET NOT NULL;
ALTER TABLE portal.entry ALTER COLUMN entry_id SET NOT NULL;
DROP INDEX portal.entry_section_latest_idx;
ALTER TABLE portal.entry DROP CONSTRAINT entry_source_check;
ALTER TABLE portal.entry DROP CONSTRAINT entry_record_key;
ALTER TABLE portal.entry DROP CONSTRAINT entry_list_entry_key;
ALTER TABLE portal.entry DROP COLUMN record_id;
ALTER TABLE portal.entry DROP COLUMN list_entry_id;
ALTER TABLE portal.entry ADD PRIMARY KEY (entry_kind, entry_id);
CREATE INDEX entry_section_latest_idx ON portal.entry (section, decision_date DESC, entry_id DESC)
    WHERE status = 'PUBLISHED' AND NOT minor AND NOT repaired;
