-- Subjects queued by a small change (one decision, one department's few rows) are graded before those of a large batch
-- (issue 22: a grade follows a change within seconds even while a 200k-row file is being graded).
ALTER TABLE evaluation.pending ADD COLUMN prompt BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX pending_order_idx ON evaluation.pending (prompt DESC, queued_at);

-- Writing a first grade for 1M subjects (a new installation, a model version that moves everyone) spent most of its
-- time in index maintenance (docs/benchmarks.md): the grade is read by subject only (the distribution and the daily
-- look for due subjects scan the table, 0.05-0.2 s at 1M), and grade changes are appended in time order, which a BRIN
-- index on their time serves for "movements since the last run".
DROP INDEX evaluation.grade_grade_idx;
DROP INDEX evaluation.grade_next_change_idx;
DROP INDEX evaluation.grade_change_at_idx;
CREATE INDEX grade_change_at_idx ON evaluation.grade_change USING brin (at);
