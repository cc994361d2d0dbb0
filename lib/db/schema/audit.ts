// The append-only, hash-chained audit log.
// Relative imports on purpose: drizzle-kit loads the schema without the "@/" path alias.
import {
  type AnyPgColumn,
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/** Every outcome an audit event can record; `pending` marks a write's intent (see `intentId`). */
export const AUDIT_OUTCOMES = ["success", "failure", "denied", "pending"] as const;

/**
 * Append-only: a trigger (drizzle/0001) refuses UPDATE and DELETE. A vendor write is two rows:
 * its intent (`outcome: pending`, written before the vendor is called) and, once known, its
 * outcome, whose `intentId` points at the intent. An intent no row points at is unresolved.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name").notNull(),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    targetLabel: text("target_label"),
    outcome: text("outcome", { enum: AUDIT_OUTCOMES }).notNull(),
    vendorRequestId: text("vendor_request_id"),
    sourceIp: text("source_ip"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    /** On a write's outcome row: the id of its intent row. */
    intentId: bigint("intent_id", { mode: "number" }).references((): AnyPgColumn => auditEvents.id),
    // Tamper evidence: set by the database's insert trigger (lib/audit/chain.ts), never by the app.
    chainSeq: bigint("chain_seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    uniqueIndex("audit_events_intent_idx").on(t.intentId),
    index("audit_events_pending_idx")
      .on(t.id)
      .where(sql`${t.outcome} = 'pending'`),
    uniqueIndex("audit_events_chain_seq_idx").on(t.chainSeq),
    index("audit_events_occurred_at_idx").on(t.occurredAt),
    index("audit_events_action_idx").on(t.action),
    index("audit_events_target_idx").on(t.targetType, t.targetId),
  ],
);

/** The head of the audit hash chain: one row, locked by every insert so the chain never forks. */
export const auditChainHead = pgTable("audit_chain_head", {
  id: integer("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash"),
});
