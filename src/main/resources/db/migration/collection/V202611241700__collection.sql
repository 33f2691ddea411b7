-- Submissions (batches) from providers and every refused row with its reason. A batch is stored entirely or not at
-- all; its counts and errors are the answer the provider gets.
CREATE SCHEMA collection;

CREATE TABLE collection.batch (
    id              UUID PRIMARY KEY,
    item_code       TEXT,
    department_code TEXT,
    submitted_by    TEXT NOT NULL,
    source          TEXT NOT NULL CHECK (source IN ('JSON', 'FILE')),
    filename        TEXT,
    size_bytes      BIGINT,
    encoding        TEXT,
    content_sm3     CHAR(64),
    idempotency_key TEXT,
    status          TEXT NOT NULL CHECK (status IN ('PROCESSING', 'COMPLETED', 'FAILED')),
    rows            INT NOT NULL DEFAULT 0,
    accepted        INT NOT NULL DEFAULT 0,
    rejected        INT NOT NULL DEFAULT 0,
    duplicates      INT NOT NULL DEFAULT 0,
    unchanged       INT NOT NULL DEFAULT 0,
    processed       INT NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    failure         TEXT
);
CREATE INDEX batch_department_idx ON collection.batch (department_code, created_at DESC);
CREATE INDEX batch_submitter_idx ON collection.batch (submitted_by, created_at DESC);
CREATE UNIQUE INDEX batch_idempotency_idx ON collection.batch (submitted_by, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX batch_processing_idx ON collection.batch (heartbeat_at) WHERE status = 'PROCESSING';

CREATE TABLE collection.row_error (
    batch_id UUID NOT NULL REFERENCES collection.batch (id),
    seq      INT NOT NULL,
    line     INT NOT NULL,
    field    TEXT,
    value    TEXT,
    rule     TEXT NOT NULL,
    message  TEXT NOT NULL,
    PRIMARY KEY (batch_id, seq)
);
