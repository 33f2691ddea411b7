-- Sharing by duty and consent, and who queried whom (issue 24; 个人信息保护法 art. 13, 34–35; the city plans:
-- 按需共享, query records kept at least 5 years with time, querier, authoriser and proof).

CREATE SCHEMA sharing;

-- 共享责任清单: what a department may read, for which matter, which kinds of credit entries, on which basis; a
-- statutory duty needs no person's consent
CREATE TABLE sharing.duty (
    department_code  TEXT NOT NULL,
    matter           TEXT NOT NULL,
    kinds            TEXT[] NOT NULL,
    legal_basis      TEXT NOT NULL,
    statutory        BOOLEAN NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       TEXT NOT NULL,
    PRIMARY KEY (department_code, matter)
);

-- a person's authorisation: for one grantee department, some matters, at most 12 months, with its evidence
CREATE TABLE sharing.consent (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id         BIGINT NOT NULL,
    grantee            TEXT NOT NULL,
    matters            TEXT[] NOT NULL,
    valid_from         DATE NOT NULL,
    valid_to           DATE NOT NULL,
    evidence_file      TEXT NOT NULL,
    evidence_sm3       TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    revoked_at         TIMESTAMP WITH TIME ZONE,
    revocation_reason  TEXT,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         TEXT NOT NULL,
    CHECK (valid_to >= valid_from)
);
CREATE INDEX consent_subject_idx ON sharing.consent (subject_id);

-- the query history of every subject: every non-public read about it, answered or refused
CREATE TABLE sharing.read (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id        BIGINT NOT NULL,
    at                TIMESTAMP WITH TIME ZONE NOT NULL,
    channel           TEXT NOT NULL,
    department_code   TEXT,
    caller            TEXT NOT NULL,
    matter            TEXT,
    purpose           TEXT,
    consent_id        BIGINT,
    outcome           TEXT NOT NULL CHECK (outcome IN ('ANSWERED', 'REFUSED')),
    rule              TEXT,
    restricted_until  DATE
);
CREATE INDEX read_subject_idx ON sharing.read (subject_id, at DESC, id DESC);
CREATE INDEX read_caller_idx ON sharing.read (department_code, caller, at);

-- how long a person's consent may last, as data with its effective date
CREATE TABLE sharing.consent_limit (
    effective_from  DATE PRIMARY KEY,
    months          INT NOT NULL CHECK (months > 0),
    basis           TEXT NOT NULL
);
INSERT INTO sharing.consent_limit (effective_from, months, basis) VALUES
('2021-11-01', 12, '个人信息保护法（2021-11-01 施行）：处理个人信息应取得个人同意，同意须具体、明确；城市公共信用信息共享方案：授权须有期限，不得长期或终身授权（示例市口径：最长 12 个月）');
