-- The measure lists of joint reward and punishment (issue 10): what the credit office manages, with the legal basis of
-- each measure, what triggers it and which matters (事项) it applies to.
CREATE SCHEMA measures;

CREATE TABLE measures.matter (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE measures.measure (
    code            TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('PUNISHMENT', 'INCENTIVE')),
    -- the national list's three categories of punishment (1 rights-reducing, 2 management, 3 market and social)
    category        INT CHECK (category BETWEEN 1 AND 3),
    source          TEXT NOT NULL CHECK (source IN ('NATIONAL', 'PROVINCIAL', 'LOCAL')),
    content         TEXT NOT NULL,
    target          TEXT,
    basis           TEXT NOT NULL CHECK (basis <> ''),
    implemented_by  TEXT NOT NULL,
    mandatory       BOOLEAN NOT NULL,
    example         BOOLEAN NOT NULL DEFAULT FALSE,
    list_types      TEXT[] NOT NULL DEFAULT '{}',
    record_items    TEXT[] NOT NULL DEFAULT '{}',
    severities      TEXT[] NOT NULL DEFAULT '{}',
    matters         TEXT[] NOT NULL DEFAULT '{}',
    effective_from  DATE NOT NULL,
    withdrawn_on    DATE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      TEXT NOT NULL,
    CHECK (kind = 'INCENTIVE' OR category IS NOT NULL),
    CHECK (withdrawn_on IS NULL OR withdrawn_on > effective_from)
);

-- The matters business systems check for (the contract's list, and the ones incentive measures need).
INSERT INTO measures.matter (code, name, description, created_at) VALUES
    ('GOV-PROCUREMENT', '政府采购', '参加政府采购活动', now()),
    ('BIDDING', '招标投标', '参加依法必须招标的工程建设项目招标投标', now()),
    ('FISCAL-SUPPORT', '财政资金支持', '申请财政性资金、补贴、奖励', now()),
    ('HONOURS', '评优评先', '表彰奖励、评优评先、荣誉称号', now()),
    ('LICENSING', '行政许可', '申请行政许可、资质资格认定', now()),
    ('LAND', '国有土地出让', '参与国有土地使用权出让', now()),
    ('APPOINTMENT', '任职资格', '担任法定代表人、董事、监事、高级管理人员等职务', now()),
    ('MARKET-ACCESS', '市场准入', '设立登记、进入特定行业或领域', now()),
    ('SUPERVISION', '日常监管', '确定“双随机、一公开”抽查比例和频次', now()),
    ('GOV-SERVICE', '政务服务办理', '在政务服务大厅或网上办理行政审批与公共服务事项', now());
