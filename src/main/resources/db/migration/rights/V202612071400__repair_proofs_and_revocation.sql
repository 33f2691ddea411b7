-- Issue 26 ("Also"): a repair needs the proofs the plans name (Benxi, Hegang: the ID document and proof that the
-- obligations were performed), per kind of credit entry, as data with an effective date; a proof says which it is.
ALTER TABLE rights.proof ADD COLUMN kind TEXT NOT NULL DEFAULT 'OTHER' CHECK (kind IN ('IDENTITY', 'PERFORMANCE', 'OTHER'));

CREATE TABLE rights.required_proof (
    target_kind     TEXT NOT NULL,
    effective_from  DATE NOT NULL,
    kinds           TEXT[] NOT NULL,
    basis           TEXT NOT NULL,
    PRIMARY KEY (target_kind, effective_from)
);
INSERT INTO rights.required_proof (target_kind, effective_from, kinds, basis) VALUES
('RECORD', '2023-05-01', '{IDENTITY,PERFORMANCE}',
 '失信行为纠正后的信用信息修复管理办法（试行）；本溪市、鹤岗市信用修复工作方案：身份证明、履行法定义务的证明材料'),
('LIST_ENTRY', '2023-05-01', '{IDENTITY,PERFORMANCE}',
 '失信行为纠正后的信用信息修复管理办法（试行）；本溪市、鹤岗市信用修复工作方案：身份证明、履行法定义务的证明材料'),
('COMMITMENT_BREACH', '2023-05-01', '{IDENTITY}',
 '失信行为纠正后的信用信息修复管理办法（试行）：身份证明（失诺的纠正由认定部门核实）');

-- A repair granted on false material can be revoked by its department: the entry is restored and the refusal period
-- runs from the revocation.
ALTER TABLE rights.application DROP CONSTRAINT application_status_check;
ALTER TABLE rights.application ADD CONSTRAINT application_status_check
    CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'NOT_ACCEPTED', 'GRANTED', 'REFUSED', 'CORRECTED', 'REVOKED', 'UPHELD',
                      'GRANT_REVOKED'));
ALTER TABLE rights.application ADD COLUMN grant_revoked_on DATE;
ALTER TABLE rights.application ADD COLUMN grant_revocation_reason TEXT;
