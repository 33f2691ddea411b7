-- What collection needs from an item: the statutory reporting deadline its records are measured against (e.g.
-- DOUBLE_PUBLICITY, 7 working days) and, for dishonesty information, the kind of legally effective document it rests on.
ALTER TABLE catalog.item_version ADD COLUMN timeliness_deadline TEXT;
ALTER TABLE catalog.item_version ADD COLUMN basis_document_type TEXT;
