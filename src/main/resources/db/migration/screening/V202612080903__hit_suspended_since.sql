-- Issue 25, finding 1: a hit is suspended from the objection's acceptance, not from its filing. The column says so.
ALTER TABLE screening.hit RENAME COLUMN objection_since TO suspended_since;
UPDATE screening.hit h SET suspended_since = r.objection_accepted_on
  FROM records.record r WHERE h.kind = 'RECORD' AND h.source_id = r.id AND h.suspended_since IS NOT NULL;
UPDATE screening.hit h SET suspended_since = e.objection_accepted_on
  FROM lists.list_entry e WHERE h.kind = 'LIST_ENTRY' AND h.source_id = e.id AND h.suspended_since IS NOT NULL;
