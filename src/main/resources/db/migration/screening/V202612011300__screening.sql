-- Joint reward and punishment checks (issue 10): an index of what can trigger measures, fed by records' and lists'
-- events (never by scanning records at check time), the checks as answered and signed, feedback, and a change feed.
CREATE SCHEMA screening;

-- A dishonesty record or a list entry of a subject, with the days it counts: [valid_from, valid_to).
CREATE TABLE screening.hit (
    kind             TEXT NOT NULL CHECK (kind IN ('RECORD', 'LIST_ENTRY')),
    source_id        BIGINT NOT NULL,
    subject_id       BIGINT NOT NULL,
    code             TEXT NOT NULL,
    list_kind        TEXT,
    title            TEXT NOT NULL,
    document_number  TEXT,
    department_code  TEXT NOT NULL,
    decided_on       DATE NOT NULL,
    severity         TEXT,
    minor            BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from       DATE NOT NULL,
    valid_to         DATE,
    ended_reason     TEXT,
    objection_since  DATE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, source_id)
);
CREATE INDEX hit_subject_idx ON screening.hit (subject_id);

CREATE TABLE screening.check (
    id              UUID PRIMARY KEY,
    client          TEXT NOT NULL,
    department_code TEXT,
    batch           BOOLEAN NOT NULL,
    matter          TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    as_of           DATE NOT NULL,
    subjects        INT NOT NULL,
    with_hits       INT NOT NULL,
    measures        INT NOT NULL,
    answer          TEXT NOT NULL,
    sm3             TEXT NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    feedback_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX check_issued_idx ON screening.check (issued_at);
CREATE INDEX check_awaiting_feedback_idx ON screening.check (issued_at) WHERE with_hits > 0 AND feedback_at IS NULL AND NOT batch;

-- Who checked whom: the change feed tells a client about the subjects it checked.
CREATE TABLE screening.watch (
    client      TEXT NOT NULL,
    subject_id  BIGINT NOT NULL,
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject_id, client)
);
CREATE INDEX watch_client_idx ON screening.watch (client);

CREATE TABLE screening.feedback (
    check_id    UUID NOT NULL REFERENCES screening.check (id),
    measure     TEXT NOT NULL,
    applied     BOOLEAN NOT NULL,
    reason      TEXT,
    given_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    given_by    TEXT NOT NULL,
    PRIMARY KEY (check_id, measure)
);

-- What changed for a watched subject: listed, removed, a dishonesty record added or ended (and, with issue 11,
-- repaired and under objection).
CREATE TABLE screening.change (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id  BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    hit_kind    TEXT NOT NULL,
    hit_id      BIGINT NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX change_subject_idx ON screening.change (subject_id, seq);

CREATE TABLE screening.index_state (
    id        INT PRIMARY KEY CHECK (id = 1),
    built_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
