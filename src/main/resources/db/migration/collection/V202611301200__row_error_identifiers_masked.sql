-- Refused values that look like ID numbers are kept masked to their first and last four characters (security
-- review, finding 4); values an earlier release kept in clear are masked the same way.
UPDATE collection.row_error
   SET value = regexp_replace(value, '([0-9]{4})[0-9]{10}([0-9]{3}[0-9Xx])', '\1**********\2', 'g')
 WHERE value ~ '[0-9]{17}[0-9Xx]';
