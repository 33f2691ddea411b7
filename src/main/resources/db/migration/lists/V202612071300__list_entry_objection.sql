-- Objections to list entries (issue 26, finding 11): a listing, local or upstream, may be objected to like a record;
-- while the objection is handled the entry is marked (异议处理中) and its measures are suspended.
ALTER TABLE lists.list_entry ADD COLUMN objection_since DATE;
ALTER TABLE lists.list_entry ADD COLUMN objection_number TEXT;
