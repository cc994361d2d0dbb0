CREATE TABLE "inventory_federated_applications" (
	"key" text PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"is_confidential" boolean NOT NULL,
	"scopes" jsonb NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"gone_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "inventory_federated_credentials" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "inventory_federated_credentials" ADD COLUMN "vendor_created_at" text;--> statement-breakpoint
CREATE INDEX "inventory_federated_applications_connection_idx" ON "inventory_federated_applications" USING btree ("connection_id");