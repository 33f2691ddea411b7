-- A set-based projection (issue 13): subjects are upserted one statement per chunk, and the search rows of the subjects
-- a statement created are written by one more statement instead of a trigger call per row. The trigger keeps the rows
-- of updated and deleted subjects.
DROP TRIGGER subject_token_sync ON portal.subject;
CREATE TRIGGER subject_token_sync AFTER UPDATE OR DELETE ON portal.subject
    FOR EACH ROW EXECUTE FUNCTION portal.subject_token_sync();
