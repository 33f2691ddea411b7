-- Bulk ingest (ADR 0011). The fields are kept as `json`: PostgreSQL checks the text and stores it as it came, where
-- `jsonb` rebuilt every record on the way in (a third of what storing 1M records cost). Nothing queries inside the
-- fields here; readers parse them. The indexes on the subject's credit code and on department and arrival served no
-- query of this module (its list filters by a name fragment and orders by last change, which neither index helps)
-- and cost a fifth of each insert; screening and the portal keep their own read models, indexed for their queries.
ALTER TABLE records.record ALTER COLUMN data TYPE json USING data::json;
DROP INDEX records.record_subject_credit_code_idx;
DROP INDEX records.record_department_idx;

-- Content hashes become SHA-256 of the fields' canonical JSON (keys in byte order, compact; ADR 0011). Stored records
-- get that text and its hash here, so that re-sending one of them stays `unchanged`.
UPDATE records.record r
   SET data = c.canonical::json, content_hash = sha256(convert_to(c.canonical, 'UTF8'))
  FROM (SELECT x.id, '{' || coalesce(string_agg(to_json(e.key)::text || ':' || coalesce(to_json(e.value)::text, 'null'), ','
                                                ORDER BY e.key COLLATE "C"), '') || '}' AS canonical
          FROM records.record x LEFT JOIN LATERAL json_each_text(x.data) e ON true
         GROUP BY x.id) c
 WHERE r.id = c.id;
