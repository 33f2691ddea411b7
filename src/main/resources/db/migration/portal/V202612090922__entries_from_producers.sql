-- Issue 27, item 4 (ADR 0033): the website no longer keeps a copy of every entry. A subject page reads its entries
-- from their producers by the subject's registry id, a list page from each producer's index of its newest public
-- entries; the website keeps one row per subject (search, public id). An installed read model is rebuilt at the first
-- start (the projection's version changed), which fills registry_id; until then its subjects show no entries.
ALTER TABLE portal.subject ADD COLUMN registry_id BIGINT;
CREATE INDEX subject_registry_idx ON portal.subject (registry_id) WHERE registry_id IS NOT NULL;
DROP TABLE portal.entry;
