-- One-off corrections of records stored by an earlier release, run by the application once (it needs the ID number
-- check and the events that read models follow): 'age-unknown' stops publishing natural persons whose age cannot be
-- known (no mainland ID number; issue 11), as ingest now does for new records.
CREATE TABLE records.backfill (
    name      TEXT PRIMARY KEY,
    done_at   TIMESTAMP WITH TIME ZONE,
    records   INT
);
INSERT INTO records.backfill (name) VALUES ('age-unknown');
