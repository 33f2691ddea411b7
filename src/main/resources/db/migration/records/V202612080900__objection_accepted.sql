-- Issue 25, finding 1: an objection marks the record when it is filed (异议处理中 on the website), but suspends its
-- measures only from the department's acceptance (受理), which checks who applied. A filed objection alone must not
-- lift a ban: the facts the identity check uses are on the public page.
ALTER TABLE records.record ADD COLUMN objection_accepted_on DATE;
-- objections already accepted when this landed keep their suspension, from their acceptance
UPDATE records.record r SET objection_accepted_on = a.accepted_on
  FROM rights.application a
 WHERE a.number = r.objection_application AND a.status = 'ACCEPTED';
