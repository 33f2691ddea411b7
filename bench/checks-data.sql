-- 1M subjects and 5M hits for the checks benchmark (issue 10), generated inside PostgreSQL
-- (psql -v subjects=N -v per=5). Credit codes are valid (GB 32100 and GB 11714 check characters) because the API checks
-- them. Each subject gets `per` dishonesty records in the check index (a mix of severities, some already ended), 2 %
-- are on a dishonesty list, 1 % on the A-grade taxpayer list and 5 % have a breach of a credit commitment (issue 21).
-- records.record itself is not filled: a check never reads it (it reads subjects.subject and screening.hit only);
-- ingest has its own benchmark. Hits are credit entries of any producer: kind, category and nature (ADR 0022).
SELECT setseed(0.2026);

\i bench/credit-codes.sql

INSERT INTO subjects.subject (category, name, name_as_of, credit_code, first_seen, updated_at)
SELECT 'ORGANIZATION', '示例市基准' || i || '号有限公司', DATE '2020-01-01', code, DATE '2020-01-01', now() FROM bench_code;

INSERT INTO screening.hit (kind, source_id, subject_id, code, category, nature, title, document_number, department_code,
                           decided_on, severity, minor, valid_from, valid_to, ended_reason, updated_at)
SELECT 'RECORD', s.id * 10 + k, s.id, 'XZCF', 'CATALOG_ITEM', 'DISHONESTY', '行政处罚信息', '示市监罚〔2026〕' || (s.id * 10 + k) || '号', 'CITY-SAMR', d,
       CASE WHEN k % 3 = 0 THEN 'SERIOUS' ELSE 'ORDINARY' END, false, d, d + 1095,
       CASE WHEN d + 1095 <= DATE '2026-11-30' THEN 'PUBLICITY_ENDED' END, now()
  FROM subjects.subject s, generate_series(1, :per) AS k,
       LATERAL (SELECT (DATE '2026-11-24' - (random() * 1400 + 0 * k + 0 * s.id)::int) AS d) AS dd
 WHERE s.credit_code LIKE '91329900%' AND s.name LIKE '示例市基准%';

INSERT INTO screening.hit (kind, source_id, subject_id, code, category, nature, title, document_number, department_code,
                           decided_on, minor, valid_from, valid_to, updated_at)
SELECT 'LIST_ENTRY', 100000000 + s.id, s.id, CASE WHEN s.id % 2 = 0 THEN 'SAMR-SERIOUS' ELSE 'COURT-DEBTOR' END,
       'DISHONESTY_LIST', 'DISHONESTY',
       '严重失信主体名单', '示市监认〔2026〕' || s.id || '号', 'CITY-SAMR', DATE '2026-01-15', false, DATE '2026-01-15',
       DATE '2029-01-16', now()
  FROM subjects.subject s WHERE s.name LIKE '示例市基准%' AND s.id % 50 = 7;

INSERT INTO screening.hit (kind, source_id, subject_id, code, category, nature, title, department_code, decided_on, minor,
                           valid_from, valid_to, updated_at)
SELECT 'LIST_ENTRY', 200000000 + s.id, s.id, 'TAX-A', 'RED_LIST', 'TRUSTWORTHY', '纳税信用A级纳税人名单', 'CITY-TAX',
       DATE '2026-04-01', false, DATE '2026-04-01', DATE '2027-04-02', now()
  FROM subjects.subject s WHERE s.name LIKE '示例市基准%' AND s.id % 100 = 3;

-- breaches of credit commitments (失信承诺): dishonesty entries of a commitment matter, some repaired already
INSERT INTO screening.hit (kind, source_id, subject_id, code, category, nature, title, document_number, department_code,
                           decided_on, severity, minor, valid_from, valid_to, ended_reason, updated_at)
SELECT 'COMMITMENT_BREACH', s.id, s.id, 'SAMR-FOOD-LICENCE', 'COMMITMENT', 'DISHONESTY', '未履行信用承诺：食品经营许可告知承诺',
       '示市监承诺核〔2026〕' || s.id || '号', 'CITY-SAMR', DATE '2026-07-01', 'SERIOUS', false, DATE '2026-07-01',
       CASE WHEN s.id % 3 = 0 THEN DATE '2026-10-09' ELSE DATE '2029-07-02' END,
       CASE WHEN s.id % 3 = 0 THEN 'REPAIRED' END, now()
  FROM subjects.subject s WHERE s.name LIKE '示例市基准%' AND s.id % 20 = 11;

-- every subject graded (issue 22): check answers carry the grade, and grades trigger measures (A: 绿色通道, D: 重点监管)
INSERT INTO evaluation.grade (subject_id, model_code, model_from, as_of, score, grade, next_change, evaluated_at)
SELECT s.id, 'CITY-2026', DATE '2026-01-01', DATE '2026-11-24',
       CASE s.id % 4 WHEN 0 THEN 950 WHEN 1 THEN 800 WHEN 2 THEN 650 ELSE 500 END,
       CASE s.id % 4 WHEN 0 THEN 'A' WHEN 1 THEN 'B' WHEN 2 THEN 'C' ELSE 'D' END, NULL, now()
  FROM subjects.subject s WHERE s.name LIKE '示例市基准%'
ON CONFLICT (subject_id) DO NOTHING;
VACUUM (ANALYZE) evaluation.grade;

-- as a running system's tables would be: vacuumed (visibility map set, so that autovacuum does not start on the bulk
-- load in the middle of the measurement) and the bulk load's dirty pages written out
VACUUM (ANALYZE) subjects.subject;
VACUUM (ANALYZE) screening.hit;
CHECKPOINT;
\copy (SELECT code FROM bench_code ORDER BY random() LIMIT 20000) TO 'bench/out/check-codes.txt'
