-- Issue 25, finding 1: as for records, a list entry's measures are suspended from the objection's acceptance only.
ALTER TABLE lists.list_entry ADD COLUMN objection_accepted_on DATE;
UPDATE lists.list_entry e SET objection_accepted_on = a.accepted_on
  FROM rights.application a
 WHERE a.number = e.objection_number AND a.status = 'ACCEPTED';
