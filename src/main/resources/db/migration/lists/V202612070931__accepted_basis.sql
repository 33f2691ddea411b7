-- What a listing may rest on (issue 26, finding 1): records of these catalog items, decided by these departments
-- (empty: any), besides being dishonesty information of an adult, which is checked for every type.
ALTER TABLE lists.list_type ADD COLUMN basis_items TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE lists.list_type ADD COLUMN basis_departments TEXT[] NOT NULL DEFAULT '{}';
