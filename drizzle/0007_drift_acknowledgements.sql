CREATE TABLE "inventory_drift_acknowledgements" (
	"drift_id" bigint PRIMARY KEY NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inventory_drift_acknowledgements" ADD CONSTRAINT "inventory_drift_acknowledgements_drift_id_inventory_drift_id_fk" FOREIGN KEY ("drift_id") REFERENCES "public"."inventory_drift"("id") ON DELETE cascade ON UPDATE no action;