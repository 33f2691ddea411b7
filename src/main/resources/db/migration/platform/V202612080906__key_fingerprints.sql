-- Issue 25, finding 9: a missing key file was silently replaced by new keys while the database held ciphertext made
-- with the old ones. The database keeps an SM3 digest of each key it was written with; a node whose key file lacks one
-- or holds another under its name refuses to start, saying so. The application may add a digest, never change one.
CREATE TABLE key_fingerprint (
    key_name     TEXT PRIMARY KEY,
    fingerprint  TEXT NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
DO $do$
DECLARE
    app text := '${applicationRole}';
BEGIN
    IF app <> '' AND app <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        EXECUTE format('REVOKE UPDATE, DELETE ON key_fingerprint FROM %I', app);
    END IF;
END $do$;
