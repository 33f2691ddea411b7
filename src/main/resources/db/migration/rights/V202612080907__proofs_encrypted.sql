-- Issue 25, finding 9: proofs (often scans of ID cards) are stored encrypted with the platform's SM4 key, named here;
-- null for a proof stored in clear before this release (encrypted at the next start). size and sm3 stay those of the
-- file itself.
ALTER TABLE rights.proof ADD COLUMN content_key TEXT;
