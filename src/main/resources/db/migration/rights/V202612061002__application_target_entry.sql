-- Issue 21: an application is about a credit entry of any producer, named by its kind and id (the either/or columns
-- of a record and a list entry go). One open application per kind of application and entry, as before.
ALTER TABLE rights.application ADD COLUMN target_kind TEXT;
ALTER TABLE rights.application ADD COLUMN target_id BIGINT;
UPDATE rights.application SET target_kind = CASE WHEN record_id IS NOT NULL THEN 'RECORD' ELSE 'LIST_ENTRY' END,
                              target_id = coalesce(record_id, list_entry_id);
ALTER TABLE rights.application ALTER COLUMN target_kind SET NOT NULL;
ALTER TABLE rights.application ALTER COLUMN target_id SET NOT NULL;
DROP INDEX rights.application_open_record;
DROP INDEX rights.application_open_entry;
DROP INDEX rights.application_record_idx;
ALTER TABLE rights.application DROP COLUMN record_id;
ALTER TABLE rights.application DROP COLUMN list_entry_id;
CREATE UNIQUE INDEX application_open_target ON rights.application (kind, target_kind, target_id)
    WHERE status IN ('SUBMITTED', 'ACCEPTED');
CREATE INDEX application_target_idx ON rights.application (target_kind, target_id);
