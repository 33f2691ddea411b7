-- Upstream list entries (the courts' 失信被执行人) carry the source's own dates (issue 26, finding 5): an entry whose
-- source gives no end stays until the source removes it, instead of a period the platform made up. Entries imported
-- before got the type's maximum; those still on a list lose it (a later import without them removes them).
ALTER TABLE lists.list_entry ALTER COLUMN ends_on DROP NOT NULL;
UPDATE lists.list_entry e SET ends_on = NULL
  FROM lists.list_type t
 WHERE t.code = e.list_type AND t.upstream AND e.import_id IS NOT NULL AND e.removed_on IS NULL;
