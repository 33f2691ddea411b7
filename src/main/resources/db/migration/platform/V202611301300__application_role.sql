-- The application works as a role of its own that may not undo what it wrote to the audit log (security review,
-- finding 5). Migrations run as the owner (spring.flyway.user, or the embedded server's superuser); the role the
-- application connects with (${applicationRole}) gets what it needs on every module's tables, and on the audit log
-- only SELECT and INSERT (the chain head: SELECT and UPDATE). Tables later migrations create get the same grants by
-- default. When the application connects as the owner itself, there is nothing to separate: the triggers below are
-- then the only fence, and the application warns at start-up.
DO $do$
DECLARE
    app text := '${applicationRole}';
BEGIN
    IF app = '' OR app = current_user THEN
        RAISE NOTICE 'the application connects as the owner %: no separate role to grant', current_user;
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        EXECUTE format('CREATE ROLE %I LOGIN', app);
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public, identity, audit, calendar, catalog, collection, records, portal TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, identity, calendar, catalog, collection, records, portal TO %I', app);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public, identity, calendar, catalog, collection, records, portal TO %I', app);
    EXECUTE format('REVOKE ALL ON public.flyway_schema_history FROM %I', app);
    EXECUTE format('GRANT SELECT ON public.flyway_schema_history TO %I', app);
    EXECUTE format('REVOKE ALL ON audit.entry, audit.chain_head FROM %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON audit.entry TO %I', app);
    EXECUTE format('GRANT SELECT, UPDATE ON audit.chain_head TO %I', app);
    -- what later migrations create (new modules' schemas and tables)
    EXECUTE format('ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO %I', app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I', app);
END $do$;
