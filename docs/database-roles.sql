-- Trustdeck on PostgreSQL with least privilege: migrations run as the owner, the dashboard as a
-- role that may read and append to the audit log but never rewrite it. See docs/database-roles.md.
-- Replace the passwords; keep the names or replace them everywhere.

-- ==== Part 1: as a superuser (e.g. postgres), connected to any database ====
CREATE ROLE trustdeck_owner LOGIN PASSWORD 'change-me-owner';
CREATE ROLE trustdeck_app LOGIN PASSWORD 'change-me-app' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
CREATE DATABASE trustdeck OWNER trustdeck_owner;
REVOKE ALL ON DATABASE trustdeck FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE trustdeck TO trustdeck_app;

-- ==== Part 2: as trustdeck_owner, connected to the trustdeck database (rerun after upgrades: idempotent) ====
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO trustdeck_app;
-- Tables the migrations create later: the app reads and writes them...
ALTER DEFAULT PRIVILEGES FOR ROLE trustdeck_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO trustdeck_app;
ALTER DEFAULT PRIVILEGES FOR ROLE trustdeck_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO trustdeck_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO trustdeck_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO trustdeck_app;
-- ...and may read which migrations were applied (the readiness check).
CREATE SCHEMA IF NOT EXISTS drizzle;
GRANT USAGE ON SCHEMA drizzle TO trustdeck_app;
ALTER DEFAULT PRIVILEGES FOR ROLE trustdeck_owner IN SCHEMA drizzle GRANT SELECT ON TABLES TO trustdeck_app;
GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO trustdeck_app;
-- ...except the audit log: read and append only. (The migration that adds the hash chain also
-- revokes these from every role but the owner, for tables created through default privileges.)
DO $$
BEGIN
  IF to_regclass('public.audit_events') IS NOT NULL THEN
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM trustdeck_app;
  END IF;
  IF to_regclass('public.audit_chain_head') IS NOT NULL THEN
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_chain_head FROM trustdeck_app;
  END IF;
END
$$;
