-- Crash recovery (issue 13): the node storing a batch. A batch left PROCESSING by a node whose lifeline lock is gone
-- (the node died) is failed with rule 'interrupted' at the next start of any node, or within a minute.
ALTER TABLE collection.batch ADD COLUMN node TEXT;
CREATE INDEX batch_processing_node_idx ON collection.batch (node) WHERE status = 'PROCESSING';
