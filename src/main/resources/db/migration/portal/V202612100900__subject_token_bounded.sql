-- Search rows only as far as a search reads them (ADR 0034). A two-character search reads the first 1,001 rows of its
-- bigram in rank order (PublicCredit.MAX_MATCHES + 1) and never further: the rows of 有限 past the first thousand names
-- were written for every new company and never read. A bigram is "bounded" once it has many rows: its bound is the key
-- of its 1,500th row at that time, and from then on
--   * every row of the bigram whose key is at or before the bound is stored (the invariant a search relies on);
--   * a new row after the bound is not written;
--   * there are at least 1,001 rows at or before the bound, or the bigram is refilled from the subjects' GIN index.
-- A row's key is its place in the rank order of portal.subject_token_rank_idx: former-name rows first, then shorter
-- names, then older subjects; as a row value that sorts ascending: (NOT former, name_length, subject_id).
-- Rows after the bound may remain (written before the bound was set): they are never read, since 1,001 rows precede
-- them.
CREATE TABLE portal.token_bound (
    token       TEXT COLLATE "C" PRIMARY KEY,
    former      BOOLEAN NOT NULL,
    name_length INT NOT NULL,
    subject_id  BIGINT NOT NULL
);

-- Bounds a bigram at its keep-th stored row and removes the rows after the bound; false when it has fewer rows. Two
-- writers bounding the same bigram keep the lower bound: every row before it was stored by both.
CREATE FUNCTION portal.bound_token(t TEXT, keep INT DEFAULT 1500) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
DECLARE
    k RECORD;
BEGIN
    SELECT s.former, s.name_length, s.subject_id INTO k FROM portal.subject_token s WHERE s.token = t
     ORDER BY s.former DESC, s.name_length, s.subject_id OFFSET keep - 1 LIMIT 1;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    INSERT INTO portal.token_bound AS b (token, former, name_length, subject_id)
    VALUES (t, k.former, k.name_length, k.subject_id)
    ON CONFLICT (token) DO UPDATE SET former = excluded.former, name_length = excluded.name_length,
                                      subject_id = excluded.subject_id
     WHERE (NOT excluded.former, excluded.name_length, excluded.subject_id) < (NOT b.former, b.name_length, b.subject_id);
    DELETE FROM portal.subject_token s USING portal.token_bound b
     WHERE s.token = t AND b.token = t
       AND (NOT s.former, s.name_length, s.subject_id) > (NOT b.former, b.name_length, b.subject_id);
    RETURN true;
END
$$;

-- A bounded bigram whose rows before the bound fell under what a search reads (renames, removed subjects): its first
-- rows again from the subjects that carry it, then a new bound. The lock waits for writers that may have left out a
-- row by the old bound, and holds back new ones until the new bound is committed.
CREATE FUNCTION portal.refill_token(t TEXT, keep INT DEFAULT 1500) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE portal.subject_token IN SHARE ROW EXCLUSIVE MODE;
    DELETE FROM portal.token_bound WHERE token = t;
    INSERT INTO portal.subject_token (token, former, name_length, subject_id)
    SELECT r.token, r.former, r.name_length, r.subject_id
      FROM portal.subject s, portal.subject_token_rows(s.id, s.category, s.name, s.former_names) r
     WHERE s.tokens @> ARRAY[t] AND r.token = t
       AND NOT EXISTS (SELECT 1 FROM portal.subject_token x WHERE x.token = t AND x.former = r.former
                          AND x.name_length = r.name_length AND x.subject_id = r.subject_id)
     ORDER BY r.former DESC, r.name_length, r.subject_id
     LIMIT keep;
    PERFORM portal.bound_token(t, keep);
END
$$;

-- How many rows of a bounded bigram are at or before its bound, counting up to what a search reads (1,001).
CREATE FUNCTION portal.token_rows_before_bound(t TEXT) RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT count(*) FROM (SELECT 1 FROM portal.subject_token s JOIN portal.token_bound b ON b.token = s.token
                           WHERE s.token = t
                             AND (NOT s.former, s.name_length, s.subject_id) <= (NOT b.former, b.name_length, b.subject_id)
                           LIMIT 1001) x
$$;

-- A renamed or removed subject: its old rows go, and a bounded bigram that fell under 1,001 rows is refilled; its new
-- rows are written as far as their bigram's bound.
CREATE OR REPLACE FUNCTION portal.subject_token_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    t TEXT;
    bounded TEXT[];
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.name IS NOT DISTINCT FROM OLD.name
       AND NEW.former_names IS NOT DISTINCT FROM OLD.former_names AND NEW.category IS NOT DISTINCT FROM OLD.category THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        WITH gone AS (
            DELETE FROM portal.subject_token s
             USING portal.subject_token_rows(OLD.id, OLD.category, OLD.name, OLD.former_names) o
             WHERE s.token = o.token AND s.former = o.former AND s.name_length = o.name_length
               AND s.subject_id = o.subject_id
            RETURNING s.token)
        SELECT coalesce(array_agg(DISTINCT g.token ORDER BY g.token), '{}') INTO bounded
          FROM gone g JOIN portal.token_bound b ON b.token = g.token;
        FOREACH t IN ARRAY bounded
        LOOP
            IF portal.token_rows_before_bound(t) < 1001 THEN
                PERFORM portal.refill_token(t);
            END IF;
        END LOOP;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO portal.subject_token (token, former, name_length, subject_id)
        SELECT n.token, n.former, n.name_length, n.subject_id
          FROM portal.subject_token_rows(NEW.id, NEW.category, NEW.name, NEW.former_names) n
          LEFT JOIN portal.token_bound b ON b.token = n.token
         WHERE (b.token IS NULL
                OR (NOT n.former, n.name_length, n.subject_id) <= (NOT b.former, b.name_length, b.subject_id))
           -- a refill above may have written it already
           AND NOT EXISTS (SELECT 1 FROM portal.subject_token x WHERE x.token = n.token AND x.former = n.former
                              AND x.name_length = n.name_length AND x.subject_id = n.subject_id);
    END IF;
    RETURN NULL;
END
$$;
