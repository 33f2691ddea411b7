-- A measure worded "within N months of a penalty" (一年内受到严重行政处罚) is triggered by a record for N months from
-- its decision, not for its whole publicity window (issue 26, finding 10). NULL: for as long as the record counts.
ALTER TABLE measures.measure ADD COLUMN within_months INT CHECK (within_months BETWEEN 1 AND 120);
-- the demo's 行政许可从严审查 is worded so
UPDATE measures.measure SET within_months = 12 WHERE code = 'LOC-LICENSING-REVIEW';
