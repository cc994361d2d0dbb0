import "server-only";
import { and, eq, getTableColumns, gte, inArray, isNull, like, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import {
  auditEvents,
  inventoryCertificates,
  inventoryConnections,
  inventoryDrift,
  inventoryEvents,
} from "@/lib/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { VENDOR_LABELS, type Vendor } from "@/lib/vendors/descriptors";
import type { CertificateSet } from "@/lib/vendors/model";
import {
  diffSnapshot,
  observeSets,
  type KnownCertificate,
  type ObservedCertificate,
  type SnapshotChange,
} from "./diff";
import { detectDrift, type AuditedWrite, type DriftFinding } from "./drift";
import { signInFacts, type SignInFacts } from "./sign-in-facts";

/** The actor of audit events written by the refresh itself. */
export const REFRESH_ACTOR = { id: null, name: "Trustdeck inventory", role: null } as const;

/** Every column but the key and first sighting takes the new value on conflict. */
const UPSERT_SET = Object.fromEntries(
  Object.entries(getTableColumns(inventoryCertificates))
    .filter(([name]) => name !== "key" && name !== "firstSeenAt")
    .map(([name, column]) => [name, sql.raw(`excluded."${column.name}"`)]),
);
const UPSERT_CHUNK = 500;

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

/** The certificates the inventory holds now for a connection (or one of its sets). */
async function knownCertificates(
  db: Database,
  connectionId: string,
  setId?: string,
): Promise<KnownCertificate[]> {
  const rows = await db
    .select()
    .from(inventoryCertificates)
    .where(
      and(
        eq(inventoryCertificates.connectionId, connectionId),
        setId === undefined ? undefined : eq(inventoryCertificates.setId, setId),
        isNull(inventoryCertificates.goneAt),
      ),
    );
  return rows.map((r) => ({
    key: r.key,
    setId: r.setId,
    setLabel: r.setLabel,
    slot: r.slot,
    state: r.state,
    sha256: r.sha256,
    subject: r.subject,
    keyAlgorithm: r.keyAlgorithm,
    keySize: r.keySize,
    notAfter: r.notAfter,
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
  const previous = await knownCertificates(db, connection.id, set.id);
  const observed = observeSets(connection.id, [set]);
  const changes = diffSnapshot(previous, observed);
  const facts = signInFacts(connection.id, [set], now);
  await db.transaction((tx) => storeObserved(tx, connection, observed, changes, now, facts));
  return changes;
}

/** What one snapshot changed: history entries and drift findings. */
export interface SnapshotOutcome {
  changes: SnapshotChange[];
  drift: DriftFinding[];
}

/**
 * Store what was just read from one connection: upsert present certificates, mark missing ones
 * gone, append history, detect drift (stored, and audited in plain words) and mark the
 * connection fresh. Runs in one transaction so a reader never sees half a snapshot.
 */
export async function applyCertificateSnapshot(
  db: Database,
  input: { connection: { id: string; name: string; vendor: Vendor }; sets: CertificateSet[]; now: Date },
): Promise<SnapshotOutcome> {
  const { connection, now } = input;
  const observed = observeSets(connection.id, input.sets);
  const [state] = await db
    .select()
    .from(inventoryConnections)
    .where(eq(inventoryConnections.connectionId, connection.id));
  const previousSuccess = state?.lastSuccessAt ?? null;
  const previous = await knownCertificates(db, connection.id);
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

  await db.transaction(async (tx) => {
    await storeObserved(tx, connection, observed, changes, now, signInFacts(connection.id, input.sets, now));
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
    await tx
      .insert(inventoryConnections)
      .values({ connectionId: connection.id, lastAttemptAt: now, lastSuccessAt: now, lastError: null })
      .onConflictDoUpdate({
        target: inventoryConnections.connectionId,
        set: { lastAttemptAt: now, lastSuccessAt: now, lastError: null },
      });
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

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Upsert the observed certificates, mark the `disappeared` ones gone and append the history
 * entries: the part of a snapshot shared by a refresh and by recording one Trustdeck change.
 */
export async function storeObserved(
  tx: Transaction,
  connection: { id: string; vendor: Vendor },
  observed: ObservedCertificate[],
  changes: SnapshotChange[],
  now: Date,
  /** Each certificate's role and its set's breaks-at date (lib/inventory/sign-in-facts). */
  facts: (key: string) => SignInFacts,
): Promise<void> {
  const rows = observed.map((o) => {
    const c = o.certificate;
    return {
      key: o.key,
      connectionId: connection.id,
      vendor: connection.vendor,
      setId: o.setId,
      setLabel: o.setLabel,
      setKind: o.setKind,
      slot: o.slot,
      state: o.state,
      ...facts(o.key),
      sha256: c.sha256,
      sha1: c.sha1,
      subject: c.subject,
      commonName: c.commonName ?? null,
      issuer: c.issuer,
      serialNumber: c.serialNumber,
      notBefore: new Date(c.notBefore),
      notAfter: new Date(c.notAfter),
      keyAlgorithm: c.keyAlgorithm,
      keySize: c.keySize ?? null,
      signatureAlgorithm: c.signatureAlgorithm,
      pem: c.pem,
      firstSeenAt: now,
      lastSeenAt: now,
      goneAt: null,
    };
  });
  // One statement per chunk, not per certificate: a 30-set account is one round trip.
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    await tx
      .insert(inventoryCertificates)
      .values(rows.slice(i, i + UPSERT_CHUNK))
      .onConflictDoUpdate({ target: inventoryCertificates.key, set: UPSERT_SET });
  }
  const gone = changes.filter((c) => c.kind === "disappeared").map((c) => c.key);
  if (gone.length > 0)
    await tx
      .update(inventoryCertificates)
      .set({ goneAt: now })
      .where(inArray(inventoryCertificates.key, gone));
  if (changes.length > 0) {
    await tx.insert(inventoryEvents).values(
      changes.map((c) => ({
        occurredAt: now,
        itemType: "certificate" as const,
        itemKey: c.key,
        connectionId: connection.id,
        kind: c.kind,
        details: c.details,
      })),
    );
  }
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
