ALTER TABLE "audit_events" ADD COLUMN "intent_id" bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_intent_id_audit_events_id_fk" FOREIGN KEY ("intent_id") REFERENCES "public"."audit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_intent_idx" ON "audit_events" USING btree ("intent_id");--> statement-breakpoint
CREATE INDEX "audit_events_pending_idx" ON "audit_events" USING btree ("id") WHERE "audit_events"."outcome" = 'pending';