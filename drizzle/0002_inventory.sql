CREATE TABLE "alert_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"rule_id" uuid NOT NULL,
	"firing_id" bigint,
	"test" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"response_status" integer,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_firings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_firings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"rule_id" uuid NOT NULL,
	"certificate_key" text NOT NULL,
	"threshold" text NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"thresholds" jsonb NOT NULL,
	"scope_vendor" text,
	"scope_connection_id" uuid,
	"scope_set_id" text,
	"channel" text NOT NULL,
	"webhook_url" text,
	"webhook_format" text,
	"webhook_secret_ciphertext" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_certificates" (
	"key" text PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"vendor" text NOT NULL,
	"set_id" text NOT NULL,
	"set_label" text NOT NULL,
	"set_kind" text NOT NULL,
	"slot" text NOT NULL,
	"state" text,
	"sha256" text NOT NULL,
	"sha1" text NOT NULL,
	"subject" text NOT NULL,
	"common_name" text,
	"issuer" text NOT NULL,
	"serial_number" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"key_algorithm" text NOT NULL,
	"key_size" integer,
	"signature_algorithm" text NOT NULL,
	"pem" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"gone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inventory_connections" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "inventory_drift" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inventory_drift_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"detected_at" timestamp with time zone NOT NULL,
	"connection_id" uuid NOT NULL,
	"set_id" text NOT NULL,
	"certificate_key" text NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "inventory_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inventory_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone NOT NULL,
	"item_type" text NOT NULL,
	"item_key" text NOT NULL,
	"connection_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "inventory_federated_credentials" (
	"key" text PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"application_name" text NOT NULL,
	"credential_id" text NOT NULL,
	"name" text,
	"issuer" text,
	"audience" text,
	"subject" text,
	"vendor_updated_at" text,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"gone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inventory_refresh_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trigger" text NOT NULL,
	"actor_name" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"total" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"failures" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"created_at" timestamp with time zone NOT NULL,
	"rule_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"href" text,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_firing_id_alert_firings_id_fk" FOREIGN KEY ("firing_id") REFERENCES "public"."alert_firings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_firings" ADD CONSTRAINT "alert_firings_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_deliveries_due_idx" ON "alert_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_firings_once_idx" ON "alert_firings" USING btree ("rule_id","certificate_key","threshold");--> statement-breakpoint
CREATE INDEX "inventory_certificates_connection_idx" ON "inventory_certificates" USING btree ("connection_id");--> statement-breakpoint
CREATE INDEX "inventory_certificates_not_after_idx" ON "inventory_certificates" USING btree ("not_after");--> statement-breakpoint
CREATE INDEX "inventory_drift_detected_at_idx" ON "inventory_drift" USING btree ("detected_at");--> statement-breakpoint
CREATE INDEX "inventory_events_item_idx" ON "inventory_events" USING btree ("item_key");--> statement-breakpoint
CREATE INDEX "inventory_events_occurred_at_idx" ON "inventory_events" USING btree ("occurred_at");