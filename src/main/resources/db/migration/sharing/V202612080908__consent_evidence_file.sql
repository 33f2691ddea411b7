-- Issue 24 (3): the signed authorisation itself, when uploaded, is kept encrypted with the platform's SM4 key (named
-- in evidence_key); evidence_sm3 is the SM3 of the file as signed, checked against the file on upload.
ALTER TABLE sharing.consent ADD COLUMN evidence BYTEA;
ALTER TABLE sharing.consent ADD COLUMN evidence_key TEXT;
ALTER TABLE sharing.consent ADD COLUMN evidence_type TEXT;
CREATE INDEX consent_grantee_idx ON sharing.consent (grantee, created_at DESC);
