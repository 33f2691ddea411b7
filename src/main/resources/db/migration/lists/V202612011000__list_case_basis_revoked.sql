-- A case whose basis record was revoked (issue 9): it may no longer be notified or decided, and a listed one must be
-- removed; the deadline board shows it until then.
ALTER TABLE lists.list_case ADD COLUMN basis_revoked_at TIMESTAMP WITH TIME ZONE;
