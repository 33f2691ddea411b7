-- Cases that put a subject on a serious-dishonesty list and the entries they make (issue 9). History is never deleted:
-- a dropped case and a removed entry stay, with every step in list_case_step.
CREATE TABLE lists.list_case (
    id                            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    list_type                     TEXT NOT NULL REFERENCES lists.list_type (code),
    subject_id                    BIGINT NOT NULL,
    status                        TEXT NOT NULL CHECK (status IN ('PROPOSED', 'NOTIFIED', 'LISTED', 'DROPPED', 'REMOVED')),
    approved                      BOOLEAN NOT NULL,
    facts                         TEXT NOT NULL,
    served_on                     DATE,
    statement_deadline            DATE,
    statement_deadline_provisional BOOLEAN NOT NULL DEFAULT FALSE,
    contact_name                  TEXT,
    contact_phone                 TEXT,
    created_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by                    TEXT NOT NULL,
    idempotency_key               TEXT,
    updated_at                    TIMESTAMP WITH TIME ZONE NOT NULL
);
-- one open case per subject and list type (a second proposal is refused with open-case)
CREATE UNIQUE INDEX list_case_open_key ON lists.list_case (list_type, subject_id)
    WHERE status IN ('PROPOSED', 'NOTIFIED', 'LISTED');
CREATE UNIQUE INDEX list_case_idempotency_key ON lists.list_case (created_by, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX list_case_subject_idx ON lists.list_case (subject_id);

CREATE TABLE lists.list_case_basis (
    case_id   BIGINT NOT NULL REFERENCES lists.list_case (id),
    record_id BIGINT NOT NULL,
    PRIMARY KEY (case_id, record_id)
);
CREATE INDEX list_case_basis_record_idx ON lists.list_case_basis (record_id);

CREATE TABLE lists.list_statement (
    case_id                   BIGINT NOT NULL REFERENCES lists.list_case (id),
    number                    INT NOT NULL,
    received_on               DATE NOT NULL,
    text                      TEXT NOT NULL,
    objection                 BOOLEAN NOT NULL,
    late                      BOOLEAN NOT NULL,
    verification_deadline     DATE,
    verification_provisional  BOOLEAN NOT NULL DEFAULT FALSE,
    resolution                TEXT CHECK (resolution IN ('ACCEPTED', 'REJECTED')),
    reason                    TEXT,
    PRIMARY KEY (case_id, number)
);

-- An entry on a list: made by a case's decision (dishonesty) or by an import (red lists).
CREATE TABLE lists.list_entry (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    list_type        TEXT NOT NULL REFERENCES lists.list_type (code),
    subject_id       BIGINT NOT NULL,
    case_id          BIGINT UNIQUE REFERENCES lists.list_case (id),
    import_id        BIGINT,
    listed_on        DATE NOT NULL,
    removable_from   DATE NOT NULL,
    ends_on          DATE NOT NULL,
    document_number  TEXT,
    removed_on       DATE,
    removal_reason   TEXT,
    -- a red-list subject that later got a dishonesty record or entry (动态管理): flagged for removal at once
    flagged_at       TIMESTAMP WITH TIME ZONE,
    flag_reason      TEXT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX list_entry_subject_idx ON lists.list_entry (subject_id);
CREATE INDEX list_entry_current_idx ON lists.list_entry (list_type, listed_on DESC) WHERE removed_on IS NULL;

CREATE TABLE lists.list_case_step (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id   BIGINT NOT NULL REFERENCES lists.list_case (id),
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    step      TEXT NOT NULL,
    by_actor  TEXT NOT NULL,
    details   JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX list_case_step_case_idx ON lists.list_case_step (case_id, id);

-- A list file as imported (red lists, and upstream dishonesty lists kept by another authority): where it came from
-- and the date of the list.
CREATE TABLE lists.list_import (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    list_type   TEXT NOT NULL REFERENCES lists.list_type (code),
    source      TEXT NOT NULL,
    list_date   DATE NOT NULL,
    file_name   TEXT,
    file_sm3    TEXT NOT NULL,
    row_count   INT NOT NULL,
    accepted    INT NOT NULL,
    rejected    INT NOT NULL,
    errors      JSONB NOT NULL DEFAULT '[]',
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by TEXT NOT NULL
);
