-- Issue 21: the index holds credit entries of any producer (records, lists, commitments…), named by their kind and
-- id; what a hit triggers follows from its nature and category instead of from which producer made it.
ALTER TABLE screening.hit DROP CONSTRAINT IF EXISTS hit_kind_check;
ALTER TABLE screening.hit ADD COLUMN category TEXT;
ALTER TABLE screening.hit ADD COLUMN nature TEXT;
UPDATE screening.hit SET
    category = CASE WHEN kind = 'RECORD' THEN 'CATALOG_ITEM' WHEN list_kind = 'RED' THEN 'RED_LIST' ELSE 'DISHONESTY_LIST' END,
    nature = CASE WHEN kind = 'LIST_ENTRY' AND list_kind = 'RED' THEN 'TRUSTWORTHY' ELSE 'DISHONESTY' END;
ALTER TABLE screening.hit ALTER COLUMN category SET NOT NULL;
ALTER TABLE screening.hit ALTER COLUMN nature SET NOT NULL;
ALTER TABLE screening.hit DROP COLUMN list_kind;
