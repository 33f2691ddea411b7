-- The website's commitment list page reads the newest public commitments and breaches from here (issue 27, item 4;
-- ADR 0033): the website no longer keeps a copy of every entry.
CREATE INDEX commitment_public_latest_idx ON commitments.commitment (signed_on DESC, id DESC)
    WHERE public AND status <> 'WITHDRAWN';
CREATE INDEX breach_public_latest_idx ON commitments.breach (decided_on DESC, id DESC) WHERE repaired_on IS NULL;
