ALTER TABLE "inventory_certificates" ADD COLUMN "role" text;--> statement-breakpoint
ALTER TABLE "inventory_certificates" ADD COLUMN "set_breaks_at" timestamp with time zone;