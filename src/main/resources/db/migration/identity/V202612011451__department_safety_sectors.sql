-- The sectors rule sets distinguish (issue 11): emergency management decides work-safety penalties, the fire and
-- rescue service fire-protection ones. Departments seeded before get theirs from their names.
UPDATE identity.department SET sector = 'WORK_SAFETY' WHERE sector IS NULL AND name LIKE '%应急管理%';
UPDATE identity.department SET sector = 'FIRE_PROTECTION' WHERE sector IS NULL AND (name LIKE '%消防%');
