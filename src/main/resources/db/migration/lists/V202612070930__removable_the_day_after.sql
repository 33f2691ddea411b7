-- An entry may be removed on repair from the day after its minimum period ends (公示期满后; issue 26, finding 8):
-- entries still on a list were given the last day of the minimum instead.
UPDATE lists.list_entry SET removable_from = removable_from + 1 WHERE removed_on IS NULL;
