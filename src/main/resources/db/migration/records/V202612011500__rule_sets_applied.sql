-- The rule sets whose taking effect has been applied to the records already stored (issue 11): a later rule set more
-- favourable to subjects shortens the windows of earlier records when it takes effect. The rule sets of the first
-- release were in force when those records arrived, so they count as applied.
CREATE TABLE records.rule_set_applied (
    code        TEXT PRIMARY KEY,
    applied_on  DATE NOT NULL,
    records     INT NOT NULL
);
INSERT INTO records.rule_set_applied (code, applied_on, records)
SELECT code, current_date, 0 FROM catalog.rule_set WHERE effective_from <= current_date;
