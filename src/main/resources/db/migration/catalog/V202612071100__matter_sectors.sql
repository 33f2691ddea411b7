-- Matters that belong to a sector whichever department decided them (issue 26, finding 9): special equipment
-- (特种设备) is regulated by the market regulators, so a rule set's sector period (NDRC Order 58: at least one year for
-- special equipment, as for work safety and fire protection) is keyed on the penalty's content, not on its department.
CREATE TABLE catalog.matter_sector (
    sector      TEXT NOT NULL,
    item_code   TEXT NOT NULL,
    field_code  TEXT NOT NULL,
    contains    TEXT NOT NULL,
    PRIMARY KEY (sector, item_code, field_code, contains)
);

-- the 双公示 penalty item: its legal basis (处罚依据) or violation type (违法行为类型) names special equipment
INSERT INTO catalog.matter_sector (sector, item_code, field_code, contains) VALUES
('SPECIAL_EQUIPMENT', 'XZCF', 'CF_YJ', '特种设备'),
('SPECIAL_EQUIPMENT', 'XZCF', 'CF_WFXW', '特种设备');

INSERT INTO catalog.publicity_period (rule_set, info_type, severity, min_months, max_months, published_by_default, sector)
SELECT 'ORDER-58', 'ADMINISTRATIVE_PENALTY', s, 12, 36, TRUE, 'SPECIAL_EQUIPMENT'
  FROM unnest(ARRAY['ORDINARY', 'SERIOUS']) s
 WHERE EXISTS (SELECT 1 FROM catalog.rule_set WHERE code = 'ORDER-58');

UPDATE catalog.rule_set SET note = replace(note, '特种设备领域须按记录而非部门区分，尚未建模。', '特种设备领域按处罚内容（catalog.matter_sector）区分。')
 WHERE code = 'ORDER-58';
