-- Subjects and dishonesty records for the evaluation benchmark (issue 22), generated inside PostgreSQL
-- (psql -v subjects=N -v per=5): N organisations with `per` penalty records each in records.record (the producer's own
-- table, which a run reads through the credit-entry contract), a mix of severities and decision dates over four years,
-- 2 % of subjects on a dishonesty list. Credit codes are not checked here: the run never looks a subject up by code.
SELECT setseed(0.2026);

INSERT INTO subjects.subject (category, name, name_as_of, credit_code, first_seen, updated_at)
SELECT 'ORGANIZATION', '示例市评价基准' || i || '号有限公司', DATE '2020-01-01', '91329900E' || lpad(i::text, 9, '0'),
       DATE '2020-01-01', now()
  FROM generate_series(1, :subjects) AS i;

INSERT INTO records.record (item_code, item_version, department_code, record_key, subject_category, subject_name,
                            subject_credit_code, decision_number, decision_date, nature, dishonest, severity, minor,
                            pilot_era, status, window_end, version, content_hash, data, batch_id, first_batch_id,
                            first_received_at, updated_at, subject_id)
SELECT 'XZCF', 1, 'CITY-SAMR', 'bench-' || s.id || '-' || k, 'ORGANIZATION', s.name, s.credit_code,
       '示市监罚〔2026〕' || s.id || '-' || k || '号', d, 'DISHONEST', true,
       CASE WHEN k % 3 = 0 THEN 'SERIOUS' ELSE 'ORDINARY' END, false, false,
       CASE WHEN d + 1095 <= DATE '2026-12-06' THEN 'PUBLICITY_ENDED' ELSE 'PUBLISHED' END,
       d + CASE WHEN k % 3 = 0 THEN 1095 ELSE 365 END, 1, '\x00'::bytea, '{}'::jsonb,
       '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001', now(), now(), s.id
  FROM subjects.subject s, generate_series(1, :per) AS k,
       LATERAL (SELECT (DATE '2026-12-06' - (random() * 1400 + 0 * k + 0 * s.id)::int) AS d) AS dd
 WHERE s.name LIKE '示例市评价基准%';

INSERT INTO lists.list_entry (list_type, subject_id, listed_on, removable_from, ends_on, document_number, created_at)
SELECT 'COURT-DEBTOR', s.id, DATE '2026-01-15', DATE '2026-01-15', DATE '2029-01-15', '（2026）示执' || s.id || '号', now()
  FROM subjects.subject s WHERE s.name LIKE '示例市评价基准%' AND s.id % 50 = 7;

VACUUM (ANALYZE) subjects.subject;
VACUUM (ANALYZE) records.record;
VACUUM (ANALYZE) lists.list_entry;
CHECKPOINT;
