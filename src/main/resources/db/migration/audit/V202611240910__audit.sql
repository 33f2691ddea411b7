-- The audit log: append-only, hash-chained with SM3. Each entry's hash covers its content and the previous hash,
-- so an edited or deleted row breaks the chain at a place that verification names.
CREATE SCHEMA audit;

CREATE TABLE audit.entry (
    seq            BIGINT PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          TEXT NOT NULL,
    actor_kind     TEXT NOT NULL,
    action         TEXT NOT NULL,
    object_type    TEXT NOT NULL,
    object_id      TEXT,
    purpose        TEXT,
    details        TEXT,
    client_address TEXT,
    prev_hash      CHAR(64) NOT NULL,
    hash           CHAR(64) NOT NULL
);
CREATE INDEX entry_occurred_at_idx ON audit.entry (occurred_at);
CREATE INDEX entry_actor_idx ON audit.entry (actor, occurred_at);
CREATE INDEX entry_object_idx ON audit.entry (object_type, object_id);

-- The head of the chain: its row lock serialises appends, and it tells verification how long the chain must be.
CREATE TABLE audit.chain_head (
    id   INT PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash CHAR(64) NOT NULL
);
INSERT INTO audit.chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

-- Append-only by construction: the application never updates or deletes entries.
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END $$;
CREATE TRIGGER entry_append_only BEFORE UPDATE OR DELETE ON audit.entry
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
