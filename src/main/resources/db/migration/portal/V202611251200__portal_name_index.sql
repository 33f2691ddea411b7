-- Exact and prefix name matches rank first in search; they come from this index, not from the bigram candidates.
-- Byte order ("C") makes a prefix a plain range (name >= q and name < q || U+10FFFF), which an index answers even in
-- a generic plan, whatever the database's default collation.
CREATE INDEX subject_name_idx ON portal.subject ((name COLLATE "C"));
