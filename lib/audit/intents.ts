import "server-only";
import { and, asc, eq, isNull, lte, like } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { appendAuditEvent, type AuditEntry } from "./record";

// A vendor write is recorded twice in the append-only log: its intent before the vendor is
// called (outcome `pending`), and its outcome afterwards, as a new row linked to the intent.
// An intent without an outcome is a write whose result Trustdeck does not know yet.

export type IntentRow = typeof auditEvents.$inferSelect;

/** Append the intent of a write; returns its id, which the outcome will reference. */
export function recordIntent(db: Database, entry: Omit<AuditEntry, "outcome" | "intentId">): Promise<number> {
  return appendAuditEvent(db, { ...entry, outcome: "pending" });
}

/**
 * Append the outcome of an intent. Returns false when another process completed it first (the
 * unique index on `intent_id` lets only one outcome per intent in).
 */
export async function recordIntentOutcome(
  db: Database,
  intentId: number,
  entry: Omit<AuditEntry, "intentId">,
): Promise<boolean> {
  try {
    await appendAuditEvent(db, { ...entry, intentId });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/**
 * Intents no outcome references yet, oldest first. `olderThan` leaves alone the writes another
 * instance may still have in flight; `targetPrefix` narrows to one connection or set.
 */
export async function unresolvedIntents(
  db: Database,
  options: { olderThan?: Date; targetType?: string; targetPrefix?: string } = {},
): Promise<IntentRow[]> {
  const outcome = alias(auditEvents, "outcome");
  const rows = await db
    .select({ intent: auditEvents })
    .from(auditEvents)
    .leftJoin(outcome, eq(outcome.intentId, auditEvents.id))
    .where(
      and(
        eq(auditEvents.outcome, "pending"),
        isNull(outcome.id),
        options.olderThan ? lte(auditEvents.occurredAt, options.olderThan) : undefined,
        options.targetType ? eq(auditEvents.targetType, options.targetType) : undefined,
        options.targetPrefix ? like(auditEvents.targetId, `${escapeLike(options.targetPrefix)}%`) : undefined,
      ),
    )
    .orderBy(asc(auditEvents.id));
  return rows.map((r) => r.intent);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
