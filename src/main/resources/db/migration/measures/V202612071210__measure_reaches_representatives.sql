-- A measure that binds the legal representative of a listed organisation too (落实到人; 国办发〔2020〕49号 and the
-- Qidong plan): a check of the person shows the organisation's in-force list entries (issue 26, finding 3).
ALTER TABLE measures.measure ADD COLUMN reaches_representatives BOOLEAN NOT NULL DEFAULT false;
-- the demo's 限制参加政府采购活动 names "法人和非法人组织及其法定代表人"
UPDATE measures.measure SET reaches_representatives = true WHERE code = 'NAT-1-PROCUREMENT-BAN';
