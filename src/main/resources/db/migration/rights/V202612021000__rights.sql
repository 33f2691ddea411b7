-- Objection and credit repair (issue 11): the applications of subjects, their steps, their proofs.
CREATE SCHEMA rights;

CREATE TABLE rights.application (
    number                 TEXT PRIMARY KEY,
    kind                   TEXT NOT NULL CHECK (kind IN ('REPAIR', 'OBJECTION')),
    status                 TEXT NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'NOT_ACCEPTED', 'GRANTED', 'REFUSED',
                                                           'CORRECTED', 'REVOKED', 'UPHELD')),
    record_id              BIGINT,
    list_entry_id          BIGINT,
    subject_id             BIGINT NOT NULL,
    department_code        TEXT NOT NULL,
    applicant_name         TEXT NOT NULL,
    legal_representative   TEXT,
    contact_name           TEXT,
    contact_phone          TEXT,
    commitment             BOOLEAN NOT NULL,
    statement              TEXT,
    record_version         INT,
    submitted_on           DATE NOT NULL,
    submitted_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    accept_by              DATE NOT NULL,
    accept_by_provisional  BOOLEAN NOT NULL,
    accepted_on            DATE,
    decide_by              DATE,
    decide_by_provisional  BOOLEAN,
    complex_reason         TEXT,
    decided_on             DATE,
    reason                 TEXT,
    false_statement        BOOLEAN NOT NULL DEFAULT FALSE,
    idempotency_key        TEXT UNIQUE,
    CHECK ((record_id IS NULL) <> (list_entry_id IS NULL))
);
-- one open application of a kind per target: a second one is refused (open-application)
CREATE UNIQUE INDEX application_open_record ON rights.application (kind, record_id)
    WHERE status IN ('SUBMITTED', 'ACCEPTED') AND record_id IS NOT NULL;
CREATE UNIQUE INDEX application_open_entry ON rights.application (kind, list_entry_id)
    WHERE status IN ('SUBMITTED', 'ACCEPTED') AND list_entry_id IS NOT NULL;
CREATE INDEX application_queue_idx ON rights.application (department_code, status);
CREATE INDEX application_record_idx ON rights.application (record_id);

CREATE TABLE rights.application_step (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number      TEXT NOT NULL REFERENCES rights.application (number),
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    step        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    details     JSONB
);
CREATE INDEX application_step_idx ON rights.application_step (number, id);

CREATE TABLE rights.proof (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number        TEXT NOT NULL REFERENCES rights.application (number),
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          INT NOT NULL,
    sm3           TEXT NOT NULL,
    content       BYTEA NOT NULL,
    added_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX proof_number_idx ON rights.proof (number);

-- How long a subject that lied in a repair application (false material or commitment) may be refused a new one for
-- the same information, as data with its effective date (credit-rules §6: "may be refused for a period").
CREATE TABLE rights.refusal_period (
    effective_from  DATE PRIMARY KEY,
    months          INT NOT NULL CHECK (months >= 0),
    basis           TEXT NOT NULL,
    note            TEXT
);
INSERT INTO rights.refusal_period (effective_from, months, basis, note) VALUES
('2023-05-01', 36, '失信行为纠正后的信用信息修复管理办法（试行）；信用修复管理办法（国家发展改革委令第36号）',
 '弄虚作假、虚假承诺被不予修复或撤销修复的，一定期限内不予受理；期限按城市口径录入，请以令文核对。');
