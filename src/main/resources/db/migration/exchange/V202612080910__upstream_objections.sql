-- Issue 23: an objection to an entry pulled from an upstream source is passed on to the source (谁认定、谁负责): each
-- step (filed, accepted, decided) is queued in the step's transaction and sent, signed, until the source takes it.
CREATE TABLE exchange.upstream_objection (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source           TEXT NOT NULL,
    upstream_id      TEXT NOT NULL,
    list_entry_id    BIGINT NOT NULL,
    list_type        TEXT NOT NULL,
    application      TEXT NOT NULL,
    step             TEXT NOT NULL CHECK (step IN ('FILED', 'ACCEPTED', 'DECIDED')),
    step_on          DATE NOT NULL,
    outcome          TEXT,
    status           TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT')),
    attempts         INT NOT NULL DEFAULT 0,
    last_error       TEXT,
    queued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    UNIQUE (application, step)
);
CREATE INDEX upstream_objection_pending_idx ON exchange.upstream_objection (source, id) WHERE status = 'PENDING';
