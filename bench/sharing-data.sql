-- Subjects, records and a query history for the sharing benchmark (issue 24), generated inside PostgreSQL
-- (psql -v subjects=N -v per=5): N organisations with valid credit codes (the API checks them), `per` penalty records
-- each in records.record (a query reads the subject's entries through the credit-entry contract), and one subject,
-- the first, with 10,000 lines of query history.
SELECT setseed(0.2024);

\i bench/credit-codes.sql

INSERT INTO subjects.subject (category, name, name_as_of, credit_code, first_seen, updated_at)
SELECT 'ORGANIZATION', '示例市共享基准' || i || '号有限公司', DATE '2020-01-01', code, DATE '2020-01-01', now() FROM bench_code;

INSERT INTO records.record (item_code, item_version, department_code, record_key, subject_category, subject_name,
                            subject_credit_code, decision_number, decision_date, nature, dishonest, severity, minor,
                            pilot_era, status, window_end, version, content_hash, data, batch_id, first_batch_id,
                            first_received_at, updated_at, subject_id)
SELECT 'XZCF', 1, 'CITY-SAMR', 'bench-' || s.id || '-' || k, 'ORGANIZATION', s.name, s.credit_code,
       '示市监罚〔2026〕' || s.id || '-' || k || '号', d, 'DISHONEST', true,
       CASE WHEN k % 3 = 0 THEN 'SERIOUS' ELSE 'ORDINARY' END, false, false,
       CASE WHEN d + 1095 <= DATE '2026-12-06' THEN 'PUBLICITY_ENDED' ELSE 'PUBLISHED' END,
       d + CASE WHEN k % 3 = 0 THEN 1095 ELSE 365 END, 1, '\x00'::bytea,
       jsonb_build_object('CF_WSH', '示市监罚〔2026〕' || s.id || '-' || k || '号', 'CF_XDR_MC', s.name, 'CF_XDR_SHXYM', s.credit_code),
       '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001', now(), now(), s.id
  FROM subjects.subject s, generate_series(1, :per) AS k,
       LATERAL (SELECT (DATE '2026-12-06' - (random() * 1400 + 0 * k + 0 * s.id)::int) AS d) AS dd
 WHERE s.name LIKE '示例市共享基准%';

-- the first generated subject has been read 10,000 times over two years, by several departments
INSERT INTO sharing.read (subject_id, at, channel, department_code, caller, matter, purpose, outcome)
SELECT s.id, now() - (g || ' minutes')::interval * 100, (ARRAY['CHECK', 'QUERY', 'LOOKUP', 'REPORT'])[1 + g % 4],
       (ARRAY['CITY-SAMR', 'CITY-NDRC', 'CITY-HOUS'])[1 + g % 3], 'api:基准系统-' || (g % 5), 'BIDDING', '基准测试', 'ANSWERED'
  FROM subjects.subject s, generate_series(1, 10000) AS g
 WHERE s.credit_code = (SELECT code FROM bench_code WHERE i = 1);

VACUUM (ANALYZE) subjects.subject;
VACUUM (ANALYZE) records.record;
VACUUM (ANALYZE) sharing.read;
CHECKPOINT;
\copy (SELECT code FROM bench_code ORDER BY random() LIMIT 20000) TO 'bench/out/sharing-codes.txt'
\copy (SELECT code FROM bench_code WHERE i = 1) TO 'bench/out/sharing-history-code.txt'
