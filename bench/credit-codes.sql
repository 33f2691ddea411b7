-- Valid credit codes for benchmark data (GB 32100, with the GB 11714 organisation code inside): the temp table
-- bench_code (i, code) for i in 1..:subjects. Included by bench/checks-data.sql and bench/sharing-data.sql.
CREATE FUNCTION pg_temp.org_check(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE r WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE r::text END
    FROM (SELECT 11 - (sum((strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', substr(s, i::int, 1)) - 1) * w) % 11) AS r
            FROM unnest(ARRAY[3, 7, 9, 10, 5, 8, 4, 2]) WITH ORDINALITY AS t(w, i)) x
$$;
CREATE FUNCTION pg_temp.uscc_check(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
                ((31 - (sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(s, i::int, 1)) - 1) * w) % 31)) % 31)::int + 1, 1)
    FROM unnest(ARRAY[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]) WITH ORDINALITY AS t(w, i)
$$;

CREATE TEMP TABLE bench_code AS
SELECT i, first17 || pg_temp.uscc_check(first17) AS code
  FROM (SELECT i, '91329900' || lpad(i::text, 8, '0') || pg_temp.org_check(lpad(i::text, 8, '0')) AS first17
          FROM generate_series(1, :subjects) AS i) x;
