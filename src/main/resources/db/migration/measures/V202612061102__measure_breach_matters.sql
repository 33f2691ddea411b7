-- Issue 21: a measure may be triggered by the breach of a credit commitment (失信承诺) of the matters it names, or of
-- any matter ('*').
ALTER TABLE measures.measure ADD COLUMN breach_matters TEXT[] NOT NULL DEFAULT '{}';
