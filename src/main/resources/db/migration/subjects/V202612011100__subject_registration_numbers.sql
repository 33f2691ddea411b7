-- The numbers an organisation was known by before the unified credit code (工商注册号, 组织机构代码, 税务登记号,
-- 社会组织登记证号), as records carry them (issue 9): "名称:号码" entries, found through a GIN index.
ALTER TABLE subjects.subject ADD COLUMN former_codes TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX subject_former_codes_idx ON subjects.subject USING gin (former_codes);
