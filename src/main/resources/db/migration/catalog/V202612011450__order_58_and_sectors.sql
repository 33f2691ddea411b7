-- Rule sets get a sector dimension (issue 11): a period may apply to one sector only (the sector of the deciding
-- department), before the period for every sector. NDRC Order 58 (2023-05-01 to 2026-03-31) had one: a one-year
-- minimum for work safety and fire protection (credit-rules §5, as the city guidance of that period applied it).
ALTER TABLE catalog.publicity_period ADD COLUMN sector TEXT;
ALTER TABLE catalog.publicity_period DROP CONSTRAINT publicity_period_pkey;
CREATE UNIQUE INDEX publicity_period_key ON catalog.publicity_period (rule_set, info_type, severity, coalesce(sector, ''));

INSERT INTO catalog.rule_set (code, name, basis, effective_from, note, recorded_at, recorded_by) VALUES
('ORDER-58', '失信行为纠正后的信用信息修复管理办法（试行）（国家发展改革委令第58号）', '国家发展改革委令第58号', '2023-05-01',
 '2023-05-01 至 2026-03-31 作出的处罚适用（第36号令施行后由其取代）：行政处罚信息最短公示3个月、最长3年；安全生产、消防领域最短1年。'
 || '按当期城市指导口径录入，请以令文核对；特种设备领域须按记录而非部门区分，尚未建模。', now(), 'migration');

INSERT INTO catalog.publicity_period (rule_set, info_type, severity, min_months, max_months, published_by_default, sector) VALUES
('ORDER-58', 'ADMINISTRATIVE_PENALTY', 'MINOR', NULL, 3, FALSE, NULL),
('ORDER-58', 'ADMINISTRATIVE_PENALTY', 'ORDINARY', 3, 36, TRUE, NULL),
('ORDER-58', 'ADMINISTRATIVE_PENALTY', 'SERIOUS', 3, 36, TRUE, NULL),
('ORDER-58', 'ADMINISTRATIVE_PENALTY', 'ORDINARY', 12, 36, TRUE, 'WORK_SAFETY'),
('ORDER-58', 'ADMINISTRATIVE_PENALTY', 'SERIOUS', 12, 36, TRUE, 'WORK_SAFETY'),
('ORDER-58', 'ADMINISTRATIVE_PENALTY', 'ORDINARY', 12, 36, TRUE, 'FIRE_PROTECTION'),
('ORDER-58', 'ADMINISTRATIVE_PENALTY', 'SERIOUS', 12, 36, TRUE, 'FIRE_PROTECTION');

INSERT INTO catalog.rule_exclusion (rule_set, code, name, description) VALUES
('ORDER-58', 'SIMPLIFIED_PROCEDURE', '简易程序', '适用简易程序作出的行政处罚：保存，但不作为失信信息，也不作为失信信息公示'),
('ORDER-58', 'FIRST_OFFENCE_NOT_PENALISED', '首违不罚', '初次违法且危害后果轻微并及时改正、依法不予处罚的：不作为失信信息');
