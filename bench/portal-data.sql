-- 1M subjects and 5M records for the portal benchmarks (psql -v subjects=N -v per=5), generated inside PostgreSQL where
-- each lives since ADR 0033: the subjects in the registry, their penalty records in records.record (the producer's own
-- table, which subject and list pages read), the website's one row per subject (with its registry id) and its search
-- rows. Names are built from a vocabulary of common characters so that two-character fragments have realistic
-- frequencies: some (示例, 有限) match most subjects, most match tens to thousands.
SELECT setseed(0.2026);
CREATE TEMP TABLE vocab AS SELECT
  regexp_split_to_array('嘉禾恒通瑞丰金桥鸿运新源东方宏达永安德润中联天成博远锦程信义美佳盛世开元光明长城海纳百川志成兴旺隆昌富强振兴腾飞卓越创新精工顺达合力正泰明珠远航华宇立信祥和同德聚鑫汇丰万象安康泰和红星蓝天绿洲银河星辰云海山川春秋晨曦朝阳金鼎宝利', '') AS chars,
  ARRAY['科技','商贸','建材','食品','物流','餐饮','医药','电子','服装','环保','机械','化工','文化','传媒','农业','建筑','装饰','咨询','网络','能源'] AS trades,
  ARRAY['城东区','城西区','高新区','经开区','示例县','和兴镇','滨江区','北湖区','南山区','临港区'] AS districts,
  ARRAY['有限公司','股份有限公司','有限责任公司','合作社','经营部'] AS suffixes;

\i bench/credit-codes.sql
INSERT INTO subjects.subject (category, name, name_as_of, credit_code, first_seen, updated_at)
SELECT category, name, DATE '2020-01-01', code, DATE '2020-01-01', now()
  FROM (SELECT c.code,
               CASE WHEN i % 10 = 0 THEN 'INDIVIDUAL_BUSINESS' ELSE 'ORGANIZATION' END AS category,
               '示例市' || v.districts[1 + (random() * 9)::int] || v.chars[1 + (random() * (array_length(v.chars, 1) - 1))::int]
                 || v.chars[1 + (random() * (array_length(v.chars, 1) - 1))::int]
                 || v.trades[1 + (random() * 19)::int] || v.suffixes[1 + (random() * 4)::int] AS name
          FROM bench_code c, vocab v) AS s;

-- Penalties of the demo catalog's XZCF item, with the fields a page shows, decided over the last two years: those whose
-- one-year window has ended are PUBLICITY_ENDED, as the nightly job would have left them (it finds nothing to do).
INSERT INTO records.record (item_code, item_version, department_code, record_key, subject_category, subject_name,
                            subject_credit_code, decision_number, decision_date, nature, dishonest, severity, minor,
                            pilot_era, status, window_end, version, content_hash, data, batch_id, first_batch_id,
                            first_received_at, updated_at, subject_id)
SELECT 'XZCF', 1, 'CITY-SAMR', n, s.category, s.name, s.credit_code, n, d, 'DISHONEST', true, 'ORDINARY', false, false,
       CASE WHEN d + 365 < current_date THEN 'PUBLICITY_ENDED' ELSE 'PUBLISHED' END, d + 365, 1, '\x00'::bytea,
       json_build_object('CF_XDR_MC', s.name, 'CF_XDR_LB', '法人及非法人组织', 'CF_XDR_SHXYM', s.credit_code,
                         'CF_FRDB', '张三', 'CF_WSH', n, 'CF_WFXW', '虚假宣传', 'CF_SY', '在网店发布虚假广告，误导消费者',
                         'CF_YJ', '《中华人民共和国广告法》第五十五条', 'CF_CFLB', '罚款', 'CF_NR_FK', '0.5',
                         'CF_JDRQ', d::text, 'CF_CFJG', '示例市市场监督管理局'),
       '00000000-0000-0000-0000-000000000027', '00000000-0000-0000-0000-000000000027', now(), now(), s.id
  FROM subjects.subject s JOIN bench_code c ON c.code = s.credit_code, generate_series(1, :per) AS k,
       LATERAL (SELECT (DATE '2026-11-24' - (random() * 700 + 0 * k + 0 * s.id)::int) AS d,
                       '示市监罚〔2026〕' || s.id || '-' || k || '号' AS n) AS dd;

-- The website's subjects as the projection writes them; their search rows in bulk rather than by the trigger.
ALTER TABLE portal.subject DISABLE TRIGGER subject_token_sync;
INSERT INTO portal.subject (subject_key, public_id, category, name, name_date, credit_code, former_names, tokens, updated_at,
                            registry_id)
SELECT 'C:' || credit_code, credit_code, category, name, name_as_of, credit_code, '{}', portal.bigrams(ARRAY[name]), now(), id
  FROM subjects.subject WHERE credit_code IN (SELECT code FROM bench_code)
ON CONFLICT (subject_key) DO NOTHING;
ALTER TABLE portal.subject ENABLE TRIGGER subject_token_sync;
DROP INDEX portal.subject_token_rank_idx;
-- as the projection leaves them (ADR 0034): a bigram of more than 1,500 names keeps its first 1,500 rows in rank order,
-- and its bound is the last of them
CREATE TEMPORARY TABLE ranked_token AS
SELECT r.*, row_number() OVER (PARTITION BY r.token ORDER BY r.former DESC, r.name_length, r.subject_id) AS place
  FROM portal.subject s, portal.subject_token_rows(s.id, s.category, s.name, s.former_names) r;
INSERT INTO portal.subject_token SELECT token, former, name_length, subject_id FROM ranked_token WHERE place <= 1500;
INSERT INTO portal.token_bound SELECT token, former, name_length, subject_id FROM ranked_token WHERE place = 1500
ON CONFLICT (token) DO NOTHING;
DROP TABLE ranked_token;
CREATE INDEX subject_token_rank_idx ON portal.subject_token (token, former DESC, name_length, subject_id);

VACUUM ANALYZE subjects.subject;
VACUUM ANALYZE records.record;
VACUUM ANALYZE portal.subject;
VACUUM ANALYZE portal.subject_token;
