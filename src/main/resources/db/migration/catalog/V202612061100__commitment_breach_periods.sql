-- Issue 21: a breach of a credit commitment (失信承诺) is dishonesty information; its publicity window is that of the
-- rule set in force on the finding date, with the periods of administrative penalty information of the same severity
-- (the city plans treat a breach like an ordinary or serious penalty; a city with other periods edits these rows).
INSERT INTO catalog.publicity_period (rule_set, info_type, severity, min_months, max_months, published_by_default, sector)
SELECT rule_set, 'COMMITMENT_BREACH', severity, min_months, max_months, published_by_default, NULL
  FROM catalog.publicity_period
 WHERE info_type = 'ADMINISTRATIVE_PENALTY' AND sector IS NULL;
