-- Exchange with the provincial platform (issue 23). Each credit entry the province should know is pushed as versions:
-- a change of its content makes a new version, queued once under a stable key (kind:id:version) with the content it
-- had then, so that a resend carries the same content.

CREATE SCHEMA exchange;

-- the last version queued of each entry, and the digest of its content then (an unchanged entry queues nothing)
CREATE TABLE exchange.entry_version (
    kind      TEXT NOT NULL,
    entry_id  BIGINT NOT NULL,
    version   INT NOT NULL,
    digest    TEXT NOT NULL,
    PRIMARY KEY (kind, entry_id)
);

CREATE TABLE exchange.outbound (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key             TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    entry_id        BIGINT NOT NULL,
    version         INT NOT NULL,
    subject_id      BIGINT NOT NULL,
    department_code TEXT,
    item            TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'REJECTED')),
    attempts        INT NOT NULL DEFAULT 0,
    last_error      TEXT,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    batch_id        UUID
);
-- the sender reads the oldest pending items; staff read by status
CREATE INDEX outbound_pending_idx ON exchange.outbound (seq) WHERE status = 'PENDING';
CREATE INDEX outbound_status_idx ON exchange.outbound (status, seq);
CREATE INDEX outbound_department_idx ON exchange.outbound (department_code, status);

-- one row: the sender's backoff while the province is down (every item waits: per-subject order is kept)
CREATE TABLE exchange.delivery_state (
    id                 INT PRIMARY KEY CHECK (id = 1),
    failures           INT NOT NULL,
    next_attempt_at    TIMESTAMP WITH TIME ZONE,
    last_error         TEXT,
    last_success_at    TIMESTAMP WITH TIME ZONE
);
INSERT INTO exchange.delivery_state (id, failures) VALUES (1, 0);

-- upstream sources pulled: where the last pull stopped, and how the last attempt went
CREATE TABLE exchange.upstream_source (
    code             TEXT PRIMARY KEY,
    cursor           TEXT,
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_success_at  TIMESTAMP WITH TIME ZONE,
    last_error       TEXT,
    pulled           BIGINT NOT NULL DEFAULT 0
);
