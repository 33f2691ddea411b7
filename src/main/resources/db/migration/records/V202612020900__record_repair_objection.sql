-- Objection and credit repair (issue 11): the record itself says whether it was repaired and whether an objection to
-- it is being handled, so that the website, reports and checks read one state instead of deciding it each.
ALTER TABLE records.record DROP CONSTRAINT record_status_check;
ALTER TABLE records.record ADD CONSTRAINT record_status_check
    CHECK (status IN ('PUBLISHED', 'NOT_PUBLISHED', 'PUBLICITY_ENDED', 'REVOKED', 'REPAIRED'));
-- the repair decision: {application, decidedOn, department}
ALTER TABLE records.record ADD COLUMN repaired_on DATE;
ALTER TABLE records.record ADD COLUMN repair JSONB;
-- the objection being handled, if any: since when, and its application number
ALTER TABLE records.record ADD COLUMN objection_since DATE;
ALTER TABLE records.record ADD COLUMN objection_application TEXT;
