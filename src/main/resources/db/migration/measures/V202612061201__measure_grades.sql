-- Issue 22: a measure may be triggered by the subject's evaluation grade (分级分类监管: an incentive for A, closer
-- supervision for D).
ALTER TABLE measures.measure ADD COLUMN grades TEXT[] NOT NULL DEFAULT '{}';
