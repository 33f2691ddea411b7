-- TRUNCATE fires no row trigger: a statement trigger refuses it too. Only the owner may disable triggers, and the
-- application does not connect as the owner (platform migration "application role").
CREATE TRIGGER entry_no_truncate BEFORE TRUNCATE ON audit.entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
