import "server-only";
import { and, eq, gte, like } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { auditEvents, inventoryConnections, inventoryDrift } from "@/lib/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { VENDOR_LABELS, type Vendor } from "@/lib/vendors/descriptors";
import type { CertificateSet } from "@/lib/vendors/model";
import { diffSnapshot, observeSets, type SnapshotChange } from "./diff";
import {
  emptySetDigestFields,
  emptySetWrites,
  hasEmptySetWrites,
  observeEmptySets,
  storedEmptySets,
  storeEmptySets,
} from "./empty-sets";
import { detectDrift, type AuditedWrite, type DriftFinding } from "./drift";
import { signInFacts } from "./sign-in-facts";
import type { ConnectionRef } from "./types";
import { observedDigest, storedState, type StoredState } from "./snapshot-digest";
import { rowsToWrite, storeChanges, storedCertificates, toKnown, toRows } from "./snapshot-store";

/** The actor of audit events written by the refresh itself. */
export const REFRESH_ACTOR = { id: null, name: "Trustdeck inventory", role: null } as const;

/** Writes by other instances may be stamped slightly before our previous read finished. */
const CLOCK_MARGIN_MS = 5 * 60_000;

async function auditedWritesSince(db: Database, connectionId: string, since: Date): Promise<AuditedWrite[]> {
  const rows = await db
    .select({ targetId: auditEvents.targetId, details: auditEvents.details })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.targetType, "certificate-set"),
        like(auditEvents.targetId, `${connectionId}/%`),
        like(auditEvents.action, "certificate.%"),
        gte(auditEvents.occurredAt, new Date(since.getTime() - CLOCK_MARGIN_MS)),
      ),
    );
  return rows.map((r) => ({
    setId: (r.targetId ?? "").slice(connectionId.length + 1),
    detailsText: JSON.stringify(r.details ?? {}),
  }));
}

/**
 * Record one set as Trustdeck just changed it (or reconciled a change to it): the inventory
 * follows at once, with history, and without drift — the change is Trustdeck's own.
 */
export async function recordSetChange(
  db: Database,
  input: { connection: { id: string; vendor: Vendor }; set: CertificateSet; now: Date },
): Promise<SnapshotChange[]> {
  const { connection, set, now } = input;
  const [stored, storedEmpty] = await Promise.all([
    storedCertificates(db, connection.id, set.id),
    storedEmptySets(db, connection.id, set.id),
  ]);
  const observed = observeSets(connection.id, [set]);
  const changes = diffSnapshot([...stored.values()].map(toKnown), observed);
  const rows = rowsToWrite(toRows(connection, observed, now, signInFacts(connection.id, [set], now)), stored);
  // A first certificate uploaded into an empty set: the set leaves the empty ones (and back).
  const empties = emptySetWrites(observeEmptySets(connection.id, [set]), storedEmpty);
  if (rows.length === 0 && changes.length === 0 && !hasEmptySetWrites(empties)) return changes;
  const [state] = await db
    .select({ lastSuccessAt: inventoryConnections.lastSuccessAt })
    .from(inventoryConnections)
    .where(eq(inventoryConnections.connectionId, connection.id));
  await db.transaction(async (tx) => {
    await storeChanges(tx, connection.id, rows, changes, now, state?.lastSuccessAt ?? null);
    await storeEmptySets(tx, connection, empties, now);
  });
  return changes;
}

/** What one snapshot changed: history entries and drift findings. */
export interface SnapshotOutcome {
  changes: SnapshotChange[];
  drift: DriftFinding[];
}

type SnapshotInput = {
  connection: ConnectionRef;
  sets: CertificateSet[];
  now: Date;
  /**
   * Why the same refresh could not read the connection's federated credentials: recorded with
   * the freshness, so the connection never shows freshly read without it (clearing it waits for
   * the federated credentials to be stored).
   */
  federatedError?: string | null;
};

/** The rows and empty sets a snapshot of `sets` stores. */
function observe({ connection, sets, now }: SnapshotInput) {
  const observed = observeSets(connection.id, sets);
  const observedRows = toRows(connection, observed, now, signInFacts(connection.id, sets, now));
  return { observed, observedRows, observedEmpty: observeEmptySets(connection.id, sets) };
}

/**
 * Whether what was just read is what the inventory holds (`kept`, the connection's digest): the
 * usual refresh, where marking the connection fresh is the only write.
 */
export function snapshotUnchanged(input: SnapshotInput, kept: StoredState): boolean {
  return holdsAlready(observe(input), kept);
}

function holdsAlready(
  { observedRows, observedEmpty }: ReturnType<typeof observe>,
  kept: StoredState,
): boolean {
  const seen = observedDigest([...observedRows, ...observedEmpty.map(emptySetDigestFields)]);
  return kept.lastSuccessAt !== null && kept.count === seen.count && kept.digest === seen.digest;
}

/** Marks a connection read successfully now, with its federated read's error if that failed. */
const markFresh = (
  tx: Pick<Database, "insert">,
  connectionId: string,
  now: Date,
  federatedError: string | null | undefined,
) => {
  const fresh = {
    lastAttemptAt: now,
    lastSuccessAt: now,
    lastError: null,
    ...(federatedError ? { federatedError } : {}),
  };
  return tx
    .insert(inventoryConnections)
    .values({ connectionId, ...fresh })
    .onConflictDoUpdate({ target: inventoryConnections.connectionId, set: fresh });
};

/**
 * Store what was just read from one connection: write the certificates that are new or changed
 * (unchanged rows are not rewritten), mark missing ones gone, append history, detect drift
 * (stored, and audited in plain words) and mark the connection fresh. Runs in one transaction so
 * a reader never sees half a snapshot. When nothing changed it reads one digest row and writes
 * one statement. `kept` is the connection's digest when the caller read it already (a refresh
 * reads those of a batch of connections in one statement).
 */
export async function applyCertificateSnapshot(
  db: Database,
  input: SnapshotInput,
  kept?: StoredState,
): Promise<SnapshotOutcome> {
  const { connection, now } = input;
  const read = observe(input);
  const { observed, observedRows, observedEmpty } = read;
  const markConnectionFresh = (tx: Pick<Database, "insert">) =>
    markFresh(tx, connection.id, now, input.federatedError);
  // The usual refresh: nothing changed at the vendor. The database's digest of the stored rows
  // says so in one row; then marking the connection fresh is the only write.
  kept ??= await storedState(db, connection.id);
  const previousSuccess = kept.lastSuccessAt;
  if (holdsAlready(read, kept)) {
    await markConnectionFresh(db);
    return { changes: [], drift: [] };
  }

  const [stored, storedEmpty] = await Promise.all([
    storedCertificates(db, connection.id),
    storedEmptySets(db, connection.id),
  ]);
  const previous = [...stored.values()].map(toKnown);
  const changes = diffSnapshot(previous, observed);
  const writes = previousSuccess ? await auditedWritesSince(db, connection.id, previousSuccess) : [];
  const drift = detectDrift({
    connectionLabel: `${VENDOR_LABELS[connection.vendor]} · ${connection.name}`,
    firstSnapshot: !previousSuccess,
    previous,
    observed,
    changes,
    writes,
  });
  const rows = rowsToWrite(observedRows, stored);
  const empties = emptySetWrites(observedEmpty, storedEmpty);
  // Only labels or roles changed, say: the rows, without a transaction's round trips.
  if (rows.length === 0 && changes.length === 0 && drift.length === 0 && !hasEmptySetWrites(empties)) {
    await markConnectionFresh(db);
    return { changes, drift };
  }
  await db.transaction(async (tx) => {
    await storeChanges(tx, connection.id, rows, changes, now, previousSuccess);
    await storeEmptySets(tx, connection, empties, now);
    if (drift.length > 0) {
      await tx.insert(inventoryDrift).values(
        drift.map((d) => ({
          detectedAt: now,
          connectionId: connection.id,
          setId: d.setId,
          certificateKey: d.certificateKey,
          kind: d.kind,
          message: d.message,
          details: d.details,
        })),
      );
    }
    await markConnectionFresh(tx);
  });

  for (const d of drift) {
    await recordAudit(db, {
      actor: REFRESH_ACTOR,
      action: `inventory.drift.${d.kind}`,
      outcome: "success",
      target: {
        type: "certificate-set",
        id: `${connection.id}/${d.setId}`,
        label: `${connection.name} · ${d.setLabel}`,
      },
      details: { message: d.message, ...d.details },
    });
  }
  return { changes, drift };
}

/** Record a failed read: the previous snapshot stays and the connection shows as stale. */
export async function recordConnectionFailure(
  db: Database,
  connectionId: string,
  message: string,
  now: Date,
): Promise<void> {
  await db
    .insert(inventoryConnections)
    .values({ connectionId, lastAttemptAt: now, lastError: message })
    .onConflictDoUpdate({
      target: inventoryConnections.connectionId,
      set: { lastAttemptAt: now, lastError: message },
    });
}
