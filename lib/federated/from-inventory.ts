import "server-only";
import { loadVendorConnection } from "@/lib/connections/data";
import type { Database } from "@/lib/db/client";
import { inventoryFederatedCredentials } from "@/lib/db/schema";
import { readFederatedApplications } from "@/lib/inventory/federated-applications";
import { readPresentFederatedCredentials } from "@/lib/inventory/federated-snapshot";
import { readInventoryConnections } from "@/lib/inventory/read";
import type { InventoryConnection } from "@/lib/inventory/types";
import type { FederatedCredential } from "@/lib/vendors/model";
import { summarize } from "./read";
import type { ApplicationView, ConnectionFederation } from "./types";

/** One UiPath connection's federation as the list page shows it, with the inventory's freshness. */
export interface FederationFromInventory {
  federation: ConnectionFederation;
  connection: InventoryConnection;
  /** The connection was never read (a new one): its first read is due. */
  neverRead: boolean;
}

type CredentialRow = typeof inventoryFederatedCredentials.$inferSelect;

function toCredential(row: CredentialRow): FederatedCredential {
  return {
    id: row.credentialId,
    clientId: row.clientId,
    name: row.name,
    description: row.description,
    issuer: row.issuer,
    audience: row.audience,
    subject: row.subject,
    createdAt: row.vendorCreatedAt ?? row.vendorUpdatedAt ?? row.firstSeenAt.toISOString(),
    updatedAt: row.vendorUpdatedAt ?? row.lastSeenAt.toISOString(),
  };
}

/**
 * One enabled UiPath connection's external applications and federated credentials as last
 * snapshotted: the database only (the connection's settings are decrypted, UiPath is not called).
 * Null when it is gone, disabled or not a UiPath connection.
 */
export async function readFederationFromInventory(
  db: Database,
  key: Uint8Array,
  connectionId: string,
): Promise<FederationFromInventory | null> {
  const [conn, applications, credentials, freshness] = await Promise.all([
    loadVendorConnection(db, key, connectionId),
    readFederatedApplications(db, connectionId),
    readPresentFederatedCredentials(db, connectionId),
    readInventoryConnections(db),
  ]);
  const connection = freshness.find((c) => c.id === connectionId);
  if (conn?.vendor !== "uipath" || !connection) return null;
  const apps: ApplicationView[] = applications.map((app) => ({
    clientId: app.clientId,
    name: app.name,
    isConfidential: app.isConfidential,
    scopes: app.scopes,
    // The application Trustdeck itself connects with: adding a credential to it warns first.
    usedByTrustdeck: app.clientId === conn.clientId,
    credentials: credentials
      .filter((c) => c.clientId === app.clientId)
      .map(toCredential)
      .sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "", "en", { numeric: true })),
    error: null,
  }));
  return {
    federation: { ...summarize(conn, true, apps), apps, error: null },
    connection,
    neverRead: !connection.lastAttemptAt,
  };
}
