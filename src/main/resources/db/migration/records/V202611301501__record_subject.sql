-- Every record points at its subject in the registry (issue 9). Records stored before are linked at the first start
-- (records.SubjectBackfill), through the same registry call ingest uses.
ALTER TABLE records.record ADD COLUMN subject_id BIGINT;
CREATE INDEX record_subject_idx ON records.record (subject_id);
