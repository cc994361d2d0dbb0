import "server-only";
import type { Database } from "@/lib/db/client";
import { listConnections, loadVendorConnection, openConnection } from "@/lib/connections/data";
import type { Vendor } from "@/lib/connections/schemas";
import { isVendorError } from "@/lib/vendors/errors";
import type { CertificateSet } from "@/lib/vendors/model";
import { operationsFor } from "@/lib/vendors/registry";
import type { CertificateInventory, ConnectionReadFailure } from "./types";
export type { CertificateInventory, ConnectionReadFailure } from "./types";

function toFailure(connection: ConnectionReadFailure["connection"], error: unknown): ConnectionReadFailure {
  if (isVendorError(error)) {
    const { kind, userMessage, status, vendorCode, requestId } = error.toJSON();
    return { connection, error: { kind, userMessage, status, vendorCode, requestId } };
  }
  console.error(
    `[certificates] reading ${connection.vendor} connection ${connection.id} failed: ${error instanceof Error ? error.message : "unknown error"}`,
  );
  return {
    connection,
    error: {
      kind: "unavailable",
      userMessage: "Trustdeck could not read this connection (an internal error; see the server log).",
      status: null,
      vendorCode: null,
      requestId: null,
    },
  };
}

/**
 * Read the certificate sets of every enabled connection at once. A vendor that fails is reported
 * in `failures` and the others still show.
 */
export async function readCertificateInventory(db: Database, key: Uint8Array): Promise<CertificateInventory> {
  const connections = (await listConnections(db, key)).filter((c) => c.enabled);
  const results = await Promise.all(
    connections.map(async (view) => {
      const ref = { id: view.id, name: view.name, vendor: view.vendor };
      try {
        const conn = await loadVendorConnection(db, key, view.id);
        if (!conn) return { entries: [], failure: null };
        const sets = await operationsFor(conn).listCertificateSets();
        return {
          entries: sets.map((set) => ({ set, connection: { id: ref.id, name: ref.name } })),
          failure: null,
        };
      } catch (error) {
        return { entries: [], failure: toFailure(ref, error) };
      }
    }),
  );
  return {
    entries: results.flatMap((r) => r.entries),
    failures: results.flatMap((r) => (r.failure ? [r.failure] : [])),
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
