-- Personal identifiers at rest (security review, finding 4): the subject's ID number is kept SM4-encrypted with its
-- HMAC-SM3 digest for exact look-ups; identifier fields inside the record's data are encrypted the same way. The keys
-- are in a key file, not here. Records stored by an earlier release are encrypted once by the application at its
-- first start (records.IdentifierMigration), which then clears subject_id_number; the column stays empty.
ALTER TABLE records.record ADD COLUMN subject_id_cipher TEXT;
ALTER TABLE records.record ADD COLUMN subject_id_digest TEXT;
CREATE INDEX record_subject_id_digest_idx ON records.record (subject_id_digest) WHERE subject_id_digest IS NOT NULL;

CREATE TABLE records.protection_state (
    id                     INT PRIMARY KEY CHECK (id = 1),
    identifiers_encrypted  TIMESTAMP WITH TIME ZONE
);
INSERT INTO records.protection_state (id) VALUES (1);
