-- Issue 25, finding 1: after a decision on an objection, a new objection to the same entry without new facts is
-- refused for a cool-off period (repeat-objection), as data with its effective date. New facts the platform can see
-- are a new version of the entry since the decision (the department corrected it).
CREATE TABLE rights.objection_cool_off (
    effective_from  DATE PRIMARY KEY,
    months          INT NOT NULL CHECK (months >= 0),
    basis           TEXT NOT NULL
);
INSERT INTO rights.objection_cool_off (effective_from, months, basis) VALUES
('2023-05-01', 6, '信用修复管理办法（国家发展改革委令第36号）及城市异议处理办法：对同一信息重复提出异议且无新事实、新证据的，不予受理；期限按城市口径录入。');

-- the entry's version when the objection was decided: a later version is a new fact
ALTER TABLE rights.application ADD COLUMN decided_version INT;

-- Issue 25, finding 3: the refusal period is keyed on the applicant proven at acceptance, not on the target, and an
-- application the subject did not make closes without consequences for it (notSubject). Idempotency keys are scoped
-- per caller (the public's key per address, a system's per client).
ALTER TABLE rights.application ADD COLUMN applicant_proven TEXT;
ALTER TABLE rights.application ADD COLUMN not_subject BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE rights.application ADD COLUMN idempotency_scope TEXT;
ALTER TABLE rights.application DROP CONSTRAINT application_idempotency_key_key;
CREATE UNIQUE INDEX application_idempotency ON rights.application (idempotency_scope, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
-- Only an accepted application (who applied is then proven) holds its target: a false one someone else filed, still
-- waiting, blocks nobody. An entry stays marked while any objection to it waits or is handled.
DROP INDEX rights.application_open_target;
CREATE UNIQUE INDEX application_open_accepted ON rights.application (kind, target_kind, target_id)
    WHERE status = 'ACCEPTED';
