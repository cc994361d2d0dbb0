CREATE TABLE "inventory_empty_sets" (
	"key" text PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"vendor" text NOT NULL,
	"set_id" text NOT NULL,
	"set_label" text NOT NULL,
	"set_kind" text NOT NULL,
	"sign_in_fails" boolean NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "inventory_empty_sets_connection_idx" ON "inventory_empty_sets" USING btree ("connection_id");