import "server-only";
import type { Database } from "@/lib/db/client";
import { AUDIT_OUTCOMES, auditEvents } from "@/lib/db/schema";
import type { Role } from "@/lib/auth/roles";
import { redactSecrets } from "./redact";

/** Who did something: a signed-in user, or an anonymous party (a failed sign-in). */
export type AuditActor = { id: string | null; name: string; role: Role | null };

export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export type AuditEntry = {
  actor: AuditActor;
  /** Dotted verb, e.g. `connection.create`, `auth.sign-in`, `certificate.rotate`. */
  action: string;
  target?: { type: string; id?: string; label?: string };
  outcome: AuditOutcome;
  vendorRequestId?: string | null;
  sourceIp?: string | null;
  /** A before/after summary or an error description; secrets are stripped before storing. */
  details?: Record<string, unknown>;
  /** On a write's outcome: the id of the intent it completes. */
  intentId?: number;
};

/** Append one event to the audit log. There is deliberately no update or delete. */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await appendAuditEvent(db, entry);
}

/** `recordAudit`, returning the new row's id (a write's intent is referenced by its outcome). */
export async function appendAuditEvent(db: Database, entry: AuditEntry): Promise<number> {
  const [row] = await db
    .insert(auditEvents)
    .values({
      actorId: entry.actor.id,
      actorName: entry.actor.name,
      actorRole: entry.actor.role,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      targetLabel: entry.target?.label ?? null,
      outcome: entry.outcome,
      vendorRequestId: entry.vendorRequestId ?? null,
      sourceIp: entry.sourceIp ?? null,
      details: entry.details ? (redactSecrets(entry.details) as Record<string, unknown>) : null,
      intentId: entry.intentId ?? null,
    })
    .returning({ id: auditEvents.id });
  return row!.id;
}
