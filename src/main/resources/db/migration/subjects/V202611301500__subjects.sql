-- The subject registry (issue 9, ADR 0014). An organisation is identified by its credit code, a natural person by the
-- HMAC-SM3 digest of the ID number (the number itself only SM4-encrypted, ADR 0013); a name never identifies.
CREATE SCHEMA subjects;

CREATE TABLE subjects.subject (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category             TEXT NOT NULL CHECK (category IN ('ORGANIZATION', 'INDIVIDUAL_BUSINESS', 'NATURAL_PERSON')),
    name                 TEXT NOT NULL,
    -- the date of the newest decision that named it so: an older record arriving later does not rename it
    name_as_of           DATE NOT NULL,
    former_names         TEXT[] NOT NULL DEFAULT '{}',
    credit_code          TEXT,
    pilot_era            BOOLEAN NOT NULL DEFAULT FALSE,
    id_digest            TEXT,
    id_cipher            TEXT,
    legal_rep_name       TEXT,
    legal_rep_subject_id BIGINT REFERENCES subjects.subject (id),
    first_seen           DATE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK ((credit_code IS NOT NULL) <> (id_digest IS NOT NULL))
);
CREATE UNIQUE INDEX subject_credit_code_key ON subjects.subject (credit_code) WHERE credit_code IS NOT NULL;
CREATE UNIQUE INDEX subject_id_digest_key ON subjects.subject (id_digest) WHERE id_digest IS NOT NULL;
CREATE INDEX subject_legal_rep_idx ON subjects.subject (legal_rep_subject_id) WHERE legal_rep_subject_id IS NOT NULL;
