-- 1M subjects and 5M entries for the portal benchmark, generated inside PostgreSQL (psql -v subjects=N -v per=5).
-- Names are built from a vocabulary of common characters so that two-character fragments have realistic frequencies:
-- some (示例, 有限) match most subjects, most match tens to thousands.
SELECT setseed(0.2026);
CREATE TEMP TABLE vocab AS SELECT
  regexp_split_to_array('嘉禾恒通瑞丰金桥鸿运新源东方宏达永安德润中联天成博远锦程信义美佳盛世开元光明长城海纳百川志成兴旺隆昌富强振兴腾飞卓越创新精工顺达合力正泰明珠远航华宇立信祥和同德聚鑫汇丰万象安康泰和红星蓝天绿洲银河星辰云海山川春秋晨曦朝阳金鼎宝利', '') AS chars,
  ARRAY['科技','商贸','建材','食品','物流','餐饮','医药','电子','服装','环保','机械','化工','文化','传媒','农业','建筑','装饰','咨询','网络','能源'] AS trades,
  ARRAY['城东区','城西区','高新区','经开区','示例县','和兴镇','滨江区','北湖区','南山区','临港区'] AS districts,
  ARRAY['有限公司','股份有限公司','有限责任公司','合作社','经营部'] AS suffixes;

-- The trigger that keeps portal.subject_token would write each subject's bigram rows one at a time; in bulk instead.
ALTER TABLE portal.subject DISABLE TRIGGER subject_token_sync;
INSERT INTO portal.subject (subject_key, public_id, category, name, name_date, credit_code, former_names, tokens, updated_at)
SELECT 'C:' || code, code, category, name, DATE '2020-01-01', code, '{}', portal.bigrams(ARRAY[name]), now()
  FROM (SELECT '91329900' || lpad(i::text, 10, '0') AS code,
               CASE WHEN i % 10 = 0 THEN 'INDIVIDUAL_BUSINESS' ELSE 'ORGANIZATION' END AS category,
               '示例市' || v.districts[1 + (random() * 9)::int] || v.chars[1 + (random() * (array_length(v.chars, 1) - 1))::int]
                 || v.chars[1 + (random() * (array_length(v.chars, 1) - 1))::int]
                 || v.trades[1 + (random() * 19)::int] || v.suffixes[1 + (random() * 4)::int] AS name
          FROM generate_series(1, :subjects) AS i, vocab v) AS s;

ALTER TABLE portal.subject ENABLE TRIGGER subject_token_sync;
DROP INDEX portal.subject_token_rank_idx;
INSERT INTO portal.subject_token
SELECT r.* FROM portal.subject s, portal.subject_token_rows(s.id, s.category, s.name, s.former_names) r;
CREATE INDEX subject_token_rank_idx ON portal.subject_token (token, former DESC, name_length, subject_id);

INSERT INTO portal.entry (entry_kind, entry_id, subject_id, section, item_code, item_name, department_code, department_name,
                          decision_number, decision_date, status, window_end, severity, dishonest, minor, fields, updated_at)
SELECT 'RECORD', s.id * 10 + k, s.id,
       CASE WHEN k % 5 = 2 THEN 'LICENCE' ELSE 'PENALTY' END,
       CASE WHEN k % 5 = 2 THEN 'XZXK' ELSE 'XZCF' END,
       CASE WHEN k % 5 = 2 THEN '行政许可信息' ELSE '行政处罚信息' END,
       'CITY-SAMR', '示例市市场监督管理局', '示市监罚〔2026〕' || (s.id * 10 + k) || '号', d, 'PUBLISHED', d + 365,
       'ORDINARY', k % 5 <> 2, false,
       jsonb_build_array(
         jsonb_build_object('n', '行政相对人名称', 'v', s.name, 'k', 'SUBJECT_NAME'),
         jsonb_build_object('n', '统一社会信用代码', 'v', s.credit_code, 'k', 'TEXT'),
         jsonb_build_object('n', '法定代表人', 'v', '张三', 'k', 'TEXT'),
         jsonb_build_object('n', '行政处罚决定书文号', 'v', '示市监罚〔2026〕' || (s.id * 10 + k) || '号', 'k', 'TEXT'),
         jsonb_build_object('n', '违法行为类型', 'v', '虚假宣传', 'k', 'TEXT'),
         jsonb_build_object('n', '违法事实', 'v', '在网店发布虚假广告，误导消费者', 'k', 'TEXT'),
         jsonb_build_object('n', '处罚依据', 'v', '《中华人民共和国广告法》第五十五条', 'k', 'TEXT'),
         jsonb_build_object('n', '处罚类别', 'v', '罚款', 'k', 'TEXT'),
         jsonb_build_object('n', '罚款金额（万元）', 'v', '0.5', 'k', 'TEXT'),
         jsonb_build_object('n', '处罚决定日期', 'v', d::text, 'k', 'TEXT'),
         jsonb_build_object('n', '处罚机关', 'v', '示例市市场监督管理局', 'k', 'TEXT')),
       now()
  FROM portal.subject s, generate_series(1, :per) AS k,
       LATERAL (SELECT (DATE '2026-11-24' - (random() * 700 + 0 * k + 0 * s.id)::int) AS d) AS dd;

VACUUM ANALYZE portal.subject;
VACUUM ANALYZE portal.subject_token;
VACUUM ANALYZE portal.entry;
