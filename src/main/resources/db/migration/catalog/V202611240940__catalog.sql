-- The public credit information catalog (目录管理) and the rule sets (publicity periods, exclusions) and deadlines,
-- all as data with effective dates: what the platform may collect and for how long it publishes it is decided by
-- the version in force on the relevant date, never by constants in code.
CREATE SCHEMA catalog;

CREATE TABLE catalog.edition (
    code           TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    document_no    TEXT,
    effective_from DATE NOT NULL UNIQUE,
    note           TEXT
);

CREATE TABLE catalog.category (
    edition     TEXT NOT NULL REFERENCES catalog.edition (code),
    no          INT NOT NULL CHECK (no > 0),
    name        TEXT NOT NULL,
    description TEXT,
    PRIMARY KEY (edition, no)
);

CREATE TABLE catalog.item (
    code       TEXT PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,39}$'),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every change of an item is a new version with the date from which it applies; the version in force on a date is
-- the one with the latest effective date not after it (the higher version number when two share a date).
CREATE TABLE catalog.item_version (
    item_code        TEXT NOT NULL REFERENCES catalog.item (code),
    version          INT NOT NULL CHECK (version > 0),
    effective_from   DATE NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('IN_FORCE', 'WITHDRAWN')),
    name             TEXT NOT NULL,
    edition          TEXT NOT NULL,
    category_no      INT NOT NULL,
    behaviour        TEXT NOT NULL,
    provider         TEXT NOT NULL,
    legal_basis      TEXT NOT NULL,
    nature           TEXT NOT NULL CHECK (nature IN ('BASIC', 'TRUSTWORTHY', 'DISHONEST')),
    share_attribute  TEXT NOT NULL CHECK (share_attribute IN ('UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED')),
    disclosure       TEXT NOT NULL CHECK (disclosure IN ('PUBLIC', 'AUTHORISED_QUERY', 'NOT_PUBLIC')),
    info_type        TEXT,
    publicity        TEXT NOT NULL CHECK (publicity IN ('RULE_SET', 'FIXED', 'WHILE_VALID', 'NONE')),
    publicity_months INT CHECK (publicity_months > 0),
    retention_years  INT CHECK (retention_years > 0),
    default_severity TEXT CHECK (default_severity IN ('MINOR', 'ORDINARY', 'SERIOUS')),
    scope            TEXT NOT NULL CHECK (scope IN ('NATIONAL', 'PROVINCIAL', 'CITY')),
    example          BOOLEAN NOT NULL DEFAULT FALSE,
    departments      TEXT[] NOT NULL DEFAULT '{}',
    fields           JSONB NOT NULL DEFAULT '[]',
    change_note      TEXT,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by      TEXT NOT NULL,
    PRIMARY KEY (item_code, version),
    FOREIGN KEY (edition, category_no) REFERENCES catalog.category (edition, no),
    CHECK (publicity <> 'FIXED' OR publicity_months IS NOT NULL)
);
CREATE INDEX item_version_effective_idx ON catalog.item_version (item_code, effective_from DESC, version DESC);

-- Rule sets: publicity periods by severity and the exclusions from dishonesty records, each in force from a date.
CREATE TABLE catalog.rule_set (
    code           TEXT PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,39}$'),
    name           TEXT NOT NULL,
    basis          TEXT NOT NULL,
    effective_from DATE NOT NULL UNIQUE,
    note           TEXT,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by    TEXT NOT NULL
);

CREATE TABLE catalog.publicity_period (
    rule_set             TEXT NOT NULL REFERENCES catalog.rule_set (code),
    info_type            TEXT NOT NULL,
    severity             TEXT NOT NULL CHECK (severity IN ('MINOR', 'ORDINARY', 'SERIOUS')),
    min_months           INT CHECK (min_months >= 0),
    max_months           INT NOT NULL CHECK (max_months > 0),
    published_by_default BOOLEAN NOT NULL,
    PRIMARY KEY (rule_set, info_type, severity),
    CHECK (min_months IS NULL OR min_months <= max_months)
);

CREATE TABLE catalog.rule_exclusion (
    rule_set    TEXT NOT NULL REFERENCES catalog.rule_set (code),
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (rule_set, code)
);

-- Statutory deadlines in working days, each value in force from a date.
CREATE TABLE catalog.deadline (
    code           TEXT NOT NULL,
    effective_from DATE NOT NULL,
    working_days   INT NOT NULL CHECK (working_days >= 0),
    name           TEXT NOT NULL,
    basis          TEXT NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by    TEXT NOT NULL,
    PRIMARY KEY (code, effective_from)
);

-- The national base catalog's editions and their categories (credit-rules §2).
INSERT INTO catalog.edition (code, name, document_no, effective_from, note) VALUES
('2021', '全国公共信用信息基础目录（2021年版）', '发改财金规〔2021〕1827号', '2022-01-01',
 '11 类。文号与生效日期按公开信息录入，请以正式文件核对；可在目录管理中更正。'),
('2022', '全国公共信用信息基础目录（2022年版）', '发改财金规〔2022〕1917号', '2023-01-01',
 '12 类，新增遵守法律法规情况信息。文号与生效日期请以正式文件核对。'),
('2024', '全国公共信用信息基础目录（2024年版）', '发改财金规〔2024〕203号', '2024-03-01',
 '13 类，新增知识产权信息；行政行为归为行政管理信息，资格归为职称和职业信息。生效日期请以正式文件核对。');

INSERT INTO catalog.category (edition, no, name, description) VALUES
('2021', 1, '登记注册基本信息', NULL),
('2021', 2, '司法裁判及执行信息', NULL),
('2021', 3, '行政许可、行政处罚、行政强制、行政确认、行政征收、行政给付、行政裁决、行政补偿、行政奖励和行政监督检查信息', '行政行为'),
('2021', 4, '职称和职业资格信息', NULL),
('2021', 5, '经营（活动）异常名录（状态）信息', NULL),
('2021', 6, '严重失信主体名单信息', NULL),
('2021', 7, '合同履行信息', NULL),
('2021', 8, '信用承诺及履行情况信息', NULL),
('2021', 9, '信用评价结果信息', NULL),
('2021', 10, '诚实守信相关荣誉信息', NULL),
('2021', 11, '市场主体自愿提供的信用信息', NULL),
('2022', 1, '登记注册基本信息', NULL),
('2022', 2, '司法裁判及执行信息', NULL),
('2022', 3, '行政许可、行政处罚、行政强制、行政确认、行政征收、行政给付、行政裁决、行政补偿、行政奖励和行政监督检查信息', '行政行为'),
('2022', 4, '职称和职业资格信息', NULL),
('2022', 5, '经营（活动）异常名录（状态）信息', NULL),
('2022', 6, '严重失信主体名单信息', NULL),
('2022', 7, '合同履行信息', NULL),
('2022', 8, '信用承诺及履行情况信息', NULL),
('2022', 9, '信用评价结果信息', NULL),
('2022', 10, '遵守法律法规情况信息', '2022年版新增'),
('2022', 11, '诚实守信相关荣誉信息', NULL),
('2022', 12, '市场主体自愿提供的信用信息', NULL),
('2024', 1, '登记注册基本信息', NULL),
('2024', 2, '司法裁判及执行信息', NULL),
('2024', 3, '行政管理信息', '行政许可、行政处罚、行政强制、行政确认、行政征收、行政给付、行政裁决、行政补偿、行政奖励、行政监督检查等'),
('2024', 4, '职称和职业信息', NULL),
('2024', 5, '经营（活动）异常名录（状态）信息', NULL),
('2024', 6, '严重失信主体名单信息', NULL),
('2024', 7, '合同履行信息', NULL),
('2024', 8, '信用承诺及履行情况信息', NULL),
('2024', 9, '信用评价结果信息', NULL),
('2024', 10, '遵守法律法规情况信息', NULL),
('2024', 11, '诚实守信相关荣誉信息', NULL),
('2024', 12, '知识产权信息', '2024年版新增'),
('2024', 13, '经营主体自愿提供的信用信息', NULL);

-- Publicity periods of administrative penalty information (credit-rules §5). The clock starts on the decision date.
INSERT INTO catalog.rule_set (code, name, basis, effective_from, note, recorded_at, recorded_by) VALUES
('PENALTY-2019', '行政处罚信息公示期限（2019年规则）', '发改办财金〔2019〕527号', '2019-07-01',
 '2026-04-01 前作出的处罚适用；轻微失信期限沿用新规作为默认值。生效日期请以正式文件核对。', now(), 'migration'),
('ORDER-36', '信用修复管理办法（国家发展改革委令第36号）', '国家发展改革委令第36号', '2026-04-01',
 '按失信程度分级公示，期满自动停止公示；最短公示期届满前不予修复。', now(), 'migration');

INSERT INTO catalog.publicity_period (rule_set, info_type, severity, min_months, max_months, published_by_default) VALUES
('PENALTY-2019', 'ADMINISTRATIVE_PENALTY', 'MINOR', NULL, 3, FALSE),
('PENALTY-2019', 'ADMINISTRATIVE_PENALTY', 'ORDINARY', 3, 12, TRUE),
('PENALTY-2019', 'ADMINISTRATIVE_PENALTY', 'SERIOUS', 6, 36, TRUE),
('ORDER-36', 'ADMINISTRATIVE_PENALTY', 'MINOR', NULL, 3, FALSE),
('ORDER-36', 'ADMINISTRATIVE_PENALTY', 'ORDINARY', 3, 12, TRUE),
('ORDER-36', 'ADMINISTRATIVE_PENALTY', 'SERIOUS', 12, 36, TRUE);

INSERT INTO catalog.rule_exclusion (rule_set, code, name, description) VALUES
('PENALTY-2019', 'SIMPLIFIED_PROCEDURE', '简易程序', '适用简易程序作出的行政处罚：保存，但不作为失信信息，也不作为失信信息公示'),
('PENALTY-2019', 'FIRST_OFFENCE_NOT_PENALISED', '首违不罚', '初次违法且危害后果轻微并及时改正、依法不予处罚的：不作为失信信息'),
('ORDER-36', 'SIMPLIFIED_PROCEDURE', '简易程序', '适用简易程序作出的行政处罚：保存，但不作为失信信息，也不作为失信信息公示'),
('ORDER-36', 'FIRST_OFFENCE_NOT_PENALISED', '首违不罚', '初次违法且危害后果轻微并及时改正、依法不予处罚的：不作为失信信息');

-- Deadlines in working days (credit-rules §3, §6, §9).
INSERT INTO catalog.deadline (code, effective_from, working_days, name, basis, recorded_at, recorded_by) VALUES
('DOUBLE_PUBLICITY', '2016-01-01', 7, '双公示：作出行政许可、行政处罚决定后上网公示', '行政许可和行政处罚等信用信息“双公示”制度', now(), 'migration'),
('DOUBLE_PUBLICITY_MARKET_REGULATION', '2016-01-01', 20, '市场监管部门行政处罚信息公示', '市场监督管理行政处罚信息公示规定', now(), 'migration'),
('DOUBLE_PUBLICITY_WITHDRAWAL', '2016-01-01', 3, '处罚决定被撤销等情形下撤下公示信息', '市场监督管理行政处罚信息公示规定', now(), 'migration'),
('OBJECTION_VERIFICATION', '2019-01-01', 10, '异议核查办结', '地方社会信用体系建设实施方案（灌南、南京等）', now(), 'migration'),
('REPAIR_ACCEPTANCE', '2026-04-01', 3, '信用修复申请：决定是否受理', '国家发展改革委令第36号', now(), 'migration'),
('REPAIR_DECISION', '2026-04-01', 7, '信用修复：受理后作出决定', '国家发展改革委令第36号', now(), 'migration'),
('REPAIR_DECISION_COMPLEX_EXTENSION', '2026-04-01', 10, '信用修复：情况复杂的可延长', '国家发展改革委令第36号', now(), 'migration'),
('REPAIR_RESULT_PUBLICATION', '2026-04-01', 10, '信用网站公布修复结果', '国家发展改革委令第36号', now(), 'migration');
