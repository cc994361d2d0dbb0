import "server-only";
import { unresolvedIntents, type IntentRow } from "@/lib/audit/intents";
import { recordIntentOutcome } from "@/lib/audit/intents";
import type { AuditActor } from "@/lib/audit/record";
import { openConnection } from "@/lib/connections/data";
import type { Database } from "@/lib/db/client";
import type { Role } from "@/lib/auth/roles";
import type { VendorConnection } from "@/lib/vendors/model";
import { certificateReconciler } from "./certificate-plan";
import { federatedReconciler } from "./federated-plan";
import { completeIntent } from "./pipeline";
import type { Reconciler, WriteIntent } from "./types";

/** The reconciler of any intent: one re-read, one check, one inventory update. */
export function reconcilerFor(conn: VendorConnection, intent: WriteIntent): Reconciler<unknown> {
  return intent.kind === "certificate"
    ? (certificateReconciler(conn, intent) as Reconciler<unknown>)
    : (federatedReconciler(conn, intent) as Reconciler<unknown>);
}

/** The intent stored with an audit row, when it is one this version knows. */
export function intentOf(row: Pick<IntentRow, "details">): WriteIntent | null {
  const write = row.details?.write;
  if (typeof write !== "object" || write === null) return null;
  const kind = (write as { kind?: unknown }).kind;
  const connectionId = (write as { connectionId?: unknown }).connectionId;
  if (typeof connectionId !== "string") return null;
  return kind === "certificate" || (typeof kind === "string" && kind.startsWith("federated-credential."))
    ? (write as WriteIntent)
    : null;
}

export interface RecoveryReport {
  applied: number;
  notApplied: number;
  /** Still pending: the vendor could not be read, or the connection is disabled. */
  pending: number;
}

/**
 * Completes every write whose outcome was never recorded (the process died between sending and
 * recording): re-reads the vendor once per intent, appends the outcome as applied or not
 * applied, and records the state in the inventory. `minAgeMs` leaves alone the writes another
 * instance on the same database may still have in flight.
 */
export async function recoverPendingWrites(
  db: Database,
  key: Uint8Array,
  options: { minAgeMs?: number; now?: () => Date } = {},
): Promise<RecoveryReport> {
  const now = options.now ?? (() => new Date());
  const olderThan = new Date(now().getTime() - (options.minAgeMs ?? 0));
  const report: RecoveryReport = { applied: 0, notApplied: 0, pending: 0 };
  for (const row of await unresolvedIntents(db, { olderThan })) {
    const outcome = await recoverOne(db, key, row, now);
    if (outcome === "applied") report.applied++;
    else if (outcome === "not-applied") report.notApplied++;
    else report.pending++;
  }
  return report;
}

async function recoverOne(db: Database, key: Uint8Array, row: IntentRow, now: () => Date) {
  const intent = intentOf(row);
  const actor: AuditActor = { id: row.actorId, name: row.actorName, role: row.actorRole as Role | null };
  const base = {
    db,
    actor,
    sourceIp: row.sourceIp,
    action: row.action,
    target: {
      type: row.targetType ?? "unknown",
      id: row.targetId ?? undefined,
      label: row.targetLabel ?? undefined,
    },
    now,
  };
  if (!intent) return "pending";
  const gate = await openConnection(db, key, intent.connectionId);
  if (!gate.ok) {
    if (gate.code !== "not-found") return "pending";
    // The connection was deleted: nothing can be read any more; say so instead of waiting forever.
    await recordIntentOutcome(db, row.id, {
      ...base,
      outcome: "failure",
      details: { writeOutcome: "unknown", recovered: true, reason: "The connection was deleted." },
    });
    return "not-applied";
  }
  const reconciler = reconcilerFor(gate.conn, intent);
  let after: unknown;
  try {
    after = await reconciler.reread();
  } catch {
    return "pending";
  }
  const outcome = reconciler.applied(after) ? "applied" : "not-applied";
  await completeIntent(
    { ...base, reconciler },
    row.id,
    { outcome, after, reconciled: true, contradicted: false },
    { recovered: true, intentAt: row.occurredAt.toISOString() },
  );
  return outcome;
}
