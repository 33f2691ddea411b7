-- The audit log in lanes (issue 27, 3). One chain head locked from an audited act's entry to its commit made every
-- audited transaction's durable commit wait for the one before: four clients checking at once queued on one row.
-- The log is now several hash chains side by side: an act takes a lane no other open transaction holds, and keeps it
-- for all its entries. Each lane is a chain as the single one was (positions 1, 2, 3… without gaps, each hash over
-- the entry and the one before it in the lane); an entry's global number (seq) now comes from a sequence and orders
-- the log for reading, with gaps where a transaction rolled back. The entries written before are lane 1, positions
-- equal to their numbers, so that their hashes and the checkpoints already written stay valid.
ALTER TABLE audit.entry ADD COLUMN lane SMALLINT, ADD COLUMN lane_seq BIGINT;
ALTER TABLE audit.entry DISABLE TRIGGER entry_append_only;
UPDATE audit.entry SET lane = 1, lane_seq = seq;
ALTER TABLE audit.entry ENABLE TRIGGER entry_append_only;
ALTER TABLE audit.entry ALTER COLUMN lane SET NOT NULL, ALTER COLUMN lane_seq SET NOT NULL;
CREATE UNIQUE INDEX entry_lane_position_idx ON audit.entry (lane, lane_seq);

CREATE SEQUENCE audit.entry_seq;
SELECT setval('audit.entry_seq', coalesce(max(seq), 0) + 1, false) FROM audit.entry;

ALTER TABLE audit.chain_head DROP CONSTRAINT chain_head_id_check;
ALTER TABLE audit.chain_head ADD CONSTRAINT chain_head_lane CHECK (id BETWEEN 1 AND 64);
INSERT INTO audit.chain_head (id, seq, hash) SELECT g, 0, repeat('0', 64) FROM generate_series(2, 8) g;
