CREATE TABLE "audit_chain_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_chain_seq_idx" ON "audit_events" USING btree ("chain_seq");--> statement-breakpoint
-- Tamper evidence: every audit event carries the SHA-256 of its canonical form (each field as
-- "<bytes>:<text>", or "-" when null, joined by "|"), which includes the previous event's hash.
-- `npm run audit:verify` (lib/audit/verify.ts) recomputes the same form independently.
CREATE OR REPLACE FUNCTION trustdeck_audit_field(value text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(value)::text || ':' || value END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION trustdeck_audit_event_hash(e audit_events) RETURNS text
  LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    trustdeck_audit_field(e.chain_seq::text),
    trustdeck_audit_field(e.prev_hash),
    trustdeck_audit_field(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
    trustdeck_audit_field(e.actor_id::text),
    trustdeck_audit_field(e.actor_name),
    trustdeck_audit_field(e.actor_role),
    trustdeck_audit_field(e.action),
    trustdeck_audit_field(e.target_type),
    trustdeck_audit_field(e.target_id),
    trustdeck_audit_field(e.target_label),
    trustdeck_audit_field(e.outcome),
    trustdeck_audit_field(e.vendor_request_id),
    trustdeck_audit_field(e.source_ip),
    trustdeck_audit_field(e.details::text),
    trustdeck_audit_field(e.intent_id::text)
  ), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- The head row is locked FOR UPDATE by every insert, so concurrent inserts (several instances on
-- one PostgreSQL) are chained one after another and the chain never forks. SECURITY DEFINER: the
-- app's role needs no right on the head row.
CREATE OR REPLACE FUNCTION trustdeck_audit_chain() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  NEW.chain_seq := head_seq + 1;
  NEW.prev_hash := head_hash;
  NEW.hash := trustdeck_audit_event_hash(NEW);
  UPDATE audit_chain_head SET seq = NEW.chain_seq, hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END
$$;
--> statement-breakpoint
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, NULL);
--> statement-breakpoint
ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
--> statement-breakpoint
DO $$
DECLARE
  r audit_events;
  s bigint := 0;
  h text := NULL;
BEGIN
  FOR r IN SELECT * FROM audit_events ORDER BY id LOOP
    s := s + 1;
    r.chain_seq := s;
    r.prev_hash := h;
    h := trustdeck_audit_event_hash(r);
    UPDATE audit_events SET chain_seq = s, prev_hash = r.prev_hash, hash = h WHERE id = r.id;
  END LOOP;
  UPDATE audit_chain_head SET seq = s, hash = h WHERE id = 1;
END
$$;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain
  BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION trustdeck_audit_chain();
--> statement-breakpoint
-- Least privilege (docs/database-roles.md): whoever was granted more than reading and appending
-- (e.g. through default privileges) loses it; only the owner may change these tables.
DO $$
DECLARE
  g record;
BEGIN
  FOR g IN
    SELECT DISTINCT grantee, table_name FROM information_schema.role_table_grants
    WHERE table_schema = current_schema() AND table_name IN ('audit_events', 'audit_chain_head')
      AND privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER')
      AND grantee <> current_user AND grantee <> 'PUBLIC'
      AND grantee <> (SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = table_name)
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON %I FROM %I', g.table_name, g.grantee);
    IF g.table_name = 'audit_chain_head' THEN
      EXECUTE format('REVOKE INSERT ON %I FROM %I', g.table_name, g.grantee);
    END IF;
  END LOOP;
END
$$;
