-- Two-character search in rank order (ADR 0012). The GIN index on subject.tokens finds the subjects that contain a
-- bigram, but only as a bitmap of all of them (600,000 for 有限), in no useful order. This table holds the same
-- bigrams one row each, in a b-tree ordered as results are ranked: former-name matches first, then by the length of
-- the name. A two-character search reads the first 1,001 entries of its bigram and stops.
CREATE TABLE portal.subject_token (
    token       TEXT COLLATE "C" NOT NULL,
    former      BOOLEAN NOT NULL,   -- the bigram is only in a former name (ranked before a fragment of the name)
    name_length INT NOT NULL,
    subject_id  BIGINT NOT NULL   -- no foreign key: the trigger below keeps the rows, and the one index serves it
);

-- The rows of one subject, from its name and former names; natural persons have none (never found by fragment).
CREATE FUNCTION portal.subject_token_rows(id BIGINT, category TEXT, name TEXT, former_names TEXT[])
    RETURNS TABLE (token TEXT, former BOOLEAN, name_length INT, subject_id BIGINT)
    LANGUAGE sql STABLE AS $$
    SELECT t, false, char_length(name), id FROM unnest(portal.bigrams(array[name])) t
     WHERE category <> 'NATURAL_PERSON'
    UNION ALL
    SELECT t, true, char_length(name), id FROM unnest(portal.bigrams(former_names)) t
     WHERE category <> 'NATURAL_PERSON' AND cardinality(former_names) > 0 AND t <> ALL (portal.bigrams(array[name]))
$$;

-- A subject's old rows are found by their whole key in the one index (no index on subject_id: 13.5M entries less
-- to write for 1M subjects).
CREATE FUNCTION portal.subject_token_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.name IS NOT DISTINCT FROM OLD.name
       AND NEW.former_names IS NOT DISTINCT FROM OLD.former_names AND NEW.category IS NOT DISTINCT FROM OLD.category THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM portal.subject_token t
         USING portal.subject_token_rows(OLD.id, OLD.category, OLD.name, OLD.former_names) o
         WHERE t.token = o.token AND t.former = o.former AND t.name_length = o.name_length AND t.subject_id = o.subject_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO portal.subject_token
        SELECT * FROM portal.subject_token_rows(NEW.id, NEW.category, NEW.name, NEW.former_names);
    END IF;
    RETURN NULL;
END
$$;

INSERT INTO portal.subject_token
SELECT r.* FROM portal.subject s, portal.subject_token_rows(s.id, s.category, s.name, s.former_names) r;

CREATE INDEX subject_token_rank_idx ON portal.subject_token (token, former DESC, name_length, subject_id);

CREATE TRIGGER subject_token_sync AFTER INSERT OR UPDATE OR DELETE ON portal.subject
    FOR EACH ROW EXECUTE FUNCTION portal.subject_token_sync();
