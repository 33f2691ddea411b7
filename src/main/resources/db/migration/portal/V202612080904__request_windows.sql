-- Issue 25, finding 1: the per-address limit of public requests holds across nodes. Counted per address and minute in
-- the database every node shares; UNLOGGED because a count lost in a crash only lets an address start its minute again.
CREATE UNLOGGED TABLE portal.request_window (
    address   TEXT NOT NULL,
    minute    BIGINT NOT NULL,
    requests  INT NOT NULL,
    PRIMARY KEY (address, minute)
);
