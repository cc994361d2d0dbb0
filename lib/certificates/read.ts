import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { inventoryCertificates, inventoryEmptySets } from "@/lib/db/schema";
import { openConnection } from "@/lib/connections/data";
import type { Vendor } from "@/lib/connections/schemas";
import { readInventoryConnections } from "@/lib/inventory/read";
import type { InventoryConnection } from "@/lib/inventory/types";
import type { CertificateSet } from "@/lib/vendors/model";
import { operationsFor } from "@/lib/vendors/registry";
import type { CertificateSetEntry } from "./list";
import { listedSetsFrom } from "./listed-set";
import type { CertificateList } from "./types";
export type { CertificateList } from "./types";

/** Every column the list needs; never the PEM, which only the set page and the download route read. */
const LIST_COLUMNS = {
  connectionId: inventoryCertificates.connectionId,
  vendor: inventoryCertificates.vendor,
  setId: inventoryCertificates.setId,
  setLabel: inventoryCertificates.setLabel,
  setKind: inventoryCertificates.setKind,
  slot: inventoryCertificates.slot,
  state: inventoryCertificates.state,
  role: inventoryCertificates.role,
  sha256: inventoryCertificates.sha256,
  sha1: inventoryCertificates.sha1,
  subject: inventoryCertificates.subject,
  commonName: inventoryCertificates.commonName,
  issuer: inventoryCertificates.issuer,
  serialNumber: inventoryCertificates.serialNumber,
  notBefore: inventoryCertificates.notBefore,
  notAfter: inventoryCertificates.notAfter,
  keyAlgorithm: inventoryCertificates.keyAlgorithm,
  keySize: inventoryCertificates.keySize,
  signatureAlgorithm: inventoryCertificates.signatureAlgorithm,
};

/** The enabled connections the list pages show, with each one's freshness (database only). */
export function readListedConnections(db: Database): Promise<InventoryConnection[]> {
  return readInventoryConnections(db);
}

/**
 * Every enabled connection's certificate sets as last snapshotted (or one connection's), empty
 * ones included: reads
 * only the database, never a vendor, and never a PEM.
 */
export async function readCertificateList(
  db: Database,
  options: { connectionId?: string } = {},
): Promise<CertificateList> {
  const [connections, rows, emptySets] = await Promise.all([
    readInventoryConnections(db),
    db
      .select(LIST_COLUMNS)
      .from(inventoryCertificates)
      .where(
        and(
          options.connectionId ? eq(inventoryCertificates.connectionId, options.connectionId) : undefined,
          isNull(inventoryCertificates.goneAt),
        ),
      ),
    db
      .select({
        connectionId: inventoryEmptySets.connectionId,
        vendor: inventoryEmptySets.vendor,
        setId: inventoryEmptySets.setId,
        setLabel: inventoryEmptySets.setLabel,
        setKind: inventoryEmptySets.setKind,
        signInFails: inventoryEmptySets.signInFails,
      })
      .from(inventoryEmptySets)
      .where(options.connectionId ? eq(inventoryEmptySets.connectionId, options.connectionId) : undefined),
  ]);
  // Disabled connections are not refreshed, so their old snapshot would only mislead.
  const names = new Map(connections.map((c) => [c.id, c.name]));
  const entries: CertificateSetEntry[] = listedSetsFrom(
    rows.filter((r) => names.has(r.connectionId)),
    emptySets.filter((r) => names.has(r.connectionId)),
  ).map((set) => ({ set, connection: { id: set.connectionId, name: names.get(set.connectionId)! } }));
  return {
    entries,
    neverRead: connections.filter((c) => !c.lastAttemptAt).map((c) => c.id),
    readAt: new Date().toISOString(),
  };
}

/**
 * One set, read fresh from its vendor, with its connection's name. Null when the connection is
 * gone; a refusal (with the sentence to show) when it is disabled.
 */
export async function readCertificateSet(
  db: Database,
  key: Uint8Array,
  connectionId: string,
  setId: string,
): Promise<
  | {
      ok: true;
      set: CertificateSet;
      connection: { id: string; name: string; vendor: Vendor; enabled: boolean };
    }
  | { ok: false; code: "connection-disabled"; message: string }
  | null
> {
  const gate = await openConnection(db, key, connectionId);
  if (!gate.ok)
    return gate.code === "not-found" ? null : { ok: false, code: gate.code, message: gate.message };
  const conn = gate.conn;
  const set = await operationsFor(conn).getCertificateSet(setId);
  return { ok: true, set, connection: { id: conn.id, name: conn.name, vendor: conn.vendor, enabled: true } };
}
