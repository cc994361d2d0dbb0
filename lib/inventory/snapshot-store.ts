import "server-only";
import { and, eq, getTableColumns, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { inventoryCertificates, inventoryEvents } from "@/lib/db/schema";
import type { Vendor } from "@/lib/vendors/descriptors";
import type { KnownCertificate, ObservedCertificate, SnapshotChange } from "./diff";
import type { SignInFacts } from "./sign-in-facts";
import { excludedSet } from "./upsert-set";

/**
 * A stored snapshot row as a refresh compares it: every column but the PEM. The PEM is the
 * canonical encoding of the DER whose SHA-256 is part of the row's key, so a row with the same key
 * has the same PEM; reading 1.7 KB per certificate on every refresh only to confirm that was the
 * biggest part of a refresh's database time.
 */
export type StoredCertificate = Omit<typeof inventoryCertificates.$inferSelect, "pem">;
const { pem: _pem, ...STORED_COLUMNS } = getTableColumns(inventoryCertificates);
type CertificateInsert = typeof inventoryCertificates.$inferInsert;

/** A database or an open transaction: what the store writes through. */
export type Writer = Pick<Database, "insert" | "update" | "select">;

/** Every column but the key and first sighting takes the new value on conflict. */
const UPSERT_SET = excludedSet(inventoryCertificates, ["key", "firstSeenAt"]);
const UPSERT_CHUNK = 500;

/**
 * Columns that say when, not what: a row whose other columns are unchanged is not rewritten, so
 * its `lastSeenAt` stays at the last change and readers take the later of it and the
 * connection's last successful read (lib/inventory/read.ts).
 */
const WHEN_COLUMNS = new Set<string>(["firstSeenAt", "lastSeenAt"]);
const CONTENT_COLUMNS = Object.keys(STORED_COLUMNS).filter(
  (name) => !WHEN_COLUMNS.has(name),
) as (keyof StoredCertificate)[];

/** The certificates a connection (or one of its sets) holds in the inventory now, by key. */
export async function storedCertificates(
  db: Writer,
  connectionId: string,
  setId?: string,
): Promise<Map<string, StoredCertificate>> {
  const rows = await db
    .select(STORED_COLUMNS)
    .from(inventoryCertificates)
    .where(
      and(
        eq(inventoryCertificates.connectionId, connectionId),
        setId === undefined ? undefined : eq(inventoryCertificates.setId, setId),
        isNull(inventoryCertificates.goneAt),
      ),
    );
  return new Map(rows.map((r) => [r.key, r]));
}

/** The fields the diff and drift detection need from a stored row. */
export function toKnown(r: StoredCertificate): KnownCertificate {
  return {
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
  };
}

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** Whether a row to write says nothing the stored row does not already say. */
function unchanged(next: CertificateInsert, stored: StoredCertificate | undefined): boolean {
  return stored !== undefined && CONTENT_COLUMNS.every((c) => sameValue(next[c] ?? null, stored[c]));
}

function toRow(
  o: ObservedCertificate,
  connection: { id: string; vendor: Vendor },
  facts: SignInFacts,
  now: Date,
): CertificateInsert {
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
    ...facts,
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
}

/** The rows a snapshot of `observed` stores (with their role and breaks-at `facts`). */
export function toRows(
  connection: { id: string; vendor: Vendor },
  observed: ObservedCertificate[],
  now: Date,
  facts: (key: string) => SignInFacts,
): CertificateInsert[] {
  return observed.map((o) => toRow(o, connection, facts(o.key), now));
}

/**
 * What a snapshot must write: the rows that are new or differ from their stored row in any
 * column (slot, state, role, breaks-at, label, …). Unchanged rows are left alone.
 */
export function rowsToWrite(
  rows: CertificateInsert[],
  stored: Map<string, StoredCertificate>,
): CertificateInsert[] {
  return rows.filter((row) => !unchanged(row, stored.get(row.key)));
}

/**
 * Writes a snapshot's changes in few statements: one upsert per 500 changed rows, one update
 * marking the `disappeared` ones gone, one insert of the history entries. Nothing when nothing
 * changed. `previousSuccess` (the connection's last successful read before this one) is when a
 * certificate that is gone now was last seen.
 */
export async function storeChanges(
  tx: Writer,
  connectionId: string,
  rows: CertificateInsert[],
  changes: SnapshotChange[],
  now: Date,
  previousSuccess: Date | null,
): Promise<void> {
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
      .set({
        goneAt: now,
        ...(previousSuccess && {
          lastSeenAt: sql`greatest(${inventoryCertificates.lastSeenAt}, ${previousSuccess.toISOString()}::timestamptz)`,
        }),
      })
      .where(inArray(inventoryCertificates.key, gone));
  if (changes.length > 0) {
    await tx.insert(inventoryEvents).values(
      changes.map((c) => ({
        occurredAt: now,
        itemType: "certificate" as const,
        itemKey: c.key,
        connectionId,
        kind: c.kind,
        details: c.details,
      })),
    );
  }
}
