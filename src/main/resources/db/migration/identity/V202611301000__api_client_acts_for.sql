-- A client acts for the departments registered for it, not for "every department, present and future": a department
-- created later is not represented by any system until an administrator says so (谁认定、谁负责).
-- Clients that were aggregators keep acting for the departments that exist now.
ALTER TABLE identity.api_client ADD COLUMN acts_for TEXT[] NOT NULL DEFAULT '{}';
UPDATE identity.api_client c
   SET acts_for = coalesce((SELECT array_agg(d.code ORDER BY d.code) FROM identity.department d
                             WHERE d.code <> c.department_code), '{}')
 WHERE c.aggregator;
ALTER TABLE identity.api_client DROP COLUMN aggregator;
