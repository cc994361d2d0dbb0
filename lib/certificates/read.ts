import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { inventoryCertificates } from "@/lib/db/schema";
import { openConnection } from "@/lib/connections/data";
import type { Vendor } from "@/lib/connections/schemas";
import { readInventoryConnections } from "@/lib/inventory/read";
import type { InventoryConnection } from "@/lib/inventory/types";
import type { CertificateSet } from "@/lib/vendors/model";
import { operationsFor } from "@/lib/vendors/registry";
import type { CertificateSetEntry } from "./list";
import { listedSetsFrom } from "./listed-set";
import type { ConnectionCertificateSets } from "./types";
export type { ConnectionCertificateSets } from "./types";

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
 * One connection's certificate sets as last snapshotted, with its freshness: reads only the
 * database, never the vendor. Null when the connection is gone or disabled.
 */
export async function readConnectionCertificateSets(
  db: Database,
  connectionId: string,
): Promise<ConnectionCertificateSets | null> {
  const [connections, rows] = await Promise.all([
    readInventoryConnections(db),
    db
      .select(LIST_COLUMNS)
      .from(inventoryCertificates)
      .where(and(eq(inventoryCertificates.connectionId, connectionId), isNull(inventoryCertificates.goneAt))),
  ]);
  const connection = connections.find((c) => c.id === connectionId);
  if (!connection) return null;
  const entries: CertificateSetEntry[] = listedSetsFrom(rows).map((set) => ({
    set,
    connection: { id: connection.id, name: connection.name },
  }));
  return { connection, entries, readAt: new Date().toISOString() };
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
