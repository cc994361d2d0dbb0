import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { inventoryEvents, inventoryFederatedCredentials } from "@/lib/db/schema";
import type { VendorConnection } from "@/lib/vendors/model";
import { federatedOperationsFor } from "@/lib/vendors/registry";
import {
  applicationWrites,
  observeApplication,
  storedApplications,
  storeApplications,
  type ApplicationWrites,
  type ObservedApplication,
  type StoredApplication,
} from "./federated-applications";
import {
  credentialWrites,
  type CredentialWrites,
  type ObservedCredential,
  type StoredCredential,
} from "./federated-changes";
import { excludedSet } from "./upsert-set";

/** A changed credential takes every read value; its first sighting is kept. */
const CREDENTIAL_UPSERT_SET = excludedSet(inventoryFederatedCredentials, ["key", "firstSeenAt"]);

/** Every external application of a connection and every federated credential they hold, as read now. */
export interface ObservedFederation {
  applications: ObservedApplication[];
  credentials: ObservedCredential[];
}

/**
 * Read every federated credential of every external application of a connection, or null when
 * its vendor has no federated credentials.
 */
export async function readFederatedCredentials(conn: VendorConnection): Promise<ObservedFederation | null> {
  const ops = federatedOperationsFor(conn);
  if (!ops) return null;
  const applications = await ops.listExternalApplications();
  const perApp = await Promise.all(
    applications.map(async (app) =>
      (await ops.listFederatedCredentials(app.clientId)).map((c) => ({
        key: `${conn.id}/${app.clientId}/${c.id}`,
        clientId: app.clientId,
        applicationName: app.name,
        credentialId: c.id,
        name: c.name,
        issuer: c.issuer,
        audience: c.audience,
        subject: c.subject,
        description: c.description,
        vendorCreatedAt: c.createdAt,
        vendorUpdatedAt: c.updatedAt,
      })),
    ),
  );
  return {
    applications: applications.map((app) => observeApplication(conn.id, app)),
    credentials: perApp.flat(),
  };
}

/** The federated credentials of a connection that its last snapshot still saw. */
export function readPresentFederatedCredentials(db: Database, connectionId: string) {
  return db
    .select()
    .from(inventoryFederatedCredentials)
    .where(
      and(
        eq(inventoryFederatedCredentials.connectionId, connectionId),
        isNull(inventoryFederatedCredentials.goneAt),
      ),
    );
}

/** What the inventory holds of a connection's federation: its present applications and credentials. */
export interface StoredFederation {
  applications: StoredApplication[];
  credentials: StoredCredential[];
}

/** The stored federations of some connections, in two statements (none for a connection is empty). */
export async function storedFederations(
  db: Database,
  connectionIds: readonly string[],
): Promise<Map<string, StoredFederation>> {
  const federations = new Map<string, StoredFederation>(
    connectionIds.map((id) => [id, { applications: [], credentials: [] }]),
  );
  if (connectionIds.length === 0) return federations;
  const [apps, credentials] = await Promise.all([
    storedApplications(db, connectionIds),
    db
      .select()
      .from(inventoryFederatedCredentials)
      .where(
        and(
          inArray(inventoryFederatedCredentials.connectionId, [...connectionIds]),
          isNull(inventoryFederatedCredentials.goneAt),
        ),
      ),
  ]);
  for (const { connectionId, ...app } of apps) federations.get(connectionId)?.applications.push(app);
  for (const credential of credentials)
    federations.get(credential.connectionId)?.credentials.push(credential);
  return federations;
}

/** What storing a federation just read over the stored one writes: nothing when nothing changed. */
export interface FederationWrites {
  applications: ApplicationWrites;
  credentials: CredentialWrites;
}

/** Compares a federation just read with the stored one. */
export function federationWrites(
  connectionId: string,
  stored: StoredFederation,
  federation: ObservedFederation,
  now: Date,
): FederationWrites {
  return {
    applications: applicationWrites(stored.applications, federation.applications),
    credentials: credentialWrites(connectionId, stored.credentials, federation.credentials, now),
  };
}

/** Whether a federation snapshot has anything to write. */
export function hasFederationWrites({ applications, credentials }: FederationWrites): boolean {
  const nothing = (w: { upserts: unknown[]; gone: unknown[] }) =>
    w.upserts.length === 0 && w.gone.length === 0;
  return !nothing(applications) || !nothing(credentials);
}

/**
 * Store the federated credentials just read from one connection, writing only what changed:
 * credentials and applications that appeared, changed or disappeared, with history (appeared,
 * changed issuer, audience or subject, disappeared), in one transaction. When nothing changed it
 * reads the stored rows and writes nothing. Answers the number of history entries.
 */
export async function applyFederatedSnapshot(
  db: Database,
  connectionId: string,
  federation: ObservedFederation,
  now: Date,
): Promise<number> {
  const stored = (await storedFederations(db, [connectionId])).get(connectionId)!;
  return storeFederationWrites(
    db,
    connectionId,
    federationWrites(connectionId, stored, federation, now),
    now,
  );
}

/** Writes what `federationWrites` found, in one transaction; answers the number of history entries. */
export async function storeFederationWrites(
  db: Database,
  connectionId: string,
  { applications, credentials: writes }: FederationWrites,
  now: Date,
): Promise<number> {
  if (!hasFederationWrites({ applications, credentials: writes })) return 0;
  await db.transaction(async (tx) => {
    await storeApplications(tx, connectionId, applications, now);
    if (writes.upserts.length > 0)
      await tx
        .insert(inventoryFederatedCredentials)
        .values(
          writes.upserts.map((o) => ({
            ...o,
            connectionId,
            firstSeenAt: now,
            lastSeenAt: now,
            goneAt: null,
          })),
        )
        .onConflictDoUpdate({ target: inventoryFederatedCredentials.key, set: CREDENTIAL_UPSERT_SET });
    if (writes.gone.length > 0)
      await tx
        .update(inventoryFederatedCredentials)
        .set({ goneAt: now })
        .where(inArray(inventoryFederatedCredentials.key, writes.gone));
    if (writes.events.length > 0) await tx.insert(inventoryEvents).values(writes.events);
  });
  return writes.events.length;
}

/**
 * Read one connection's applications and federated credentials again and store them: after
 * Trustdeck changed a credential, so the list (which reads the inventory) shows the change at once.
 */
export async function resnapshotFederation(
  db: Database,
  conn: VendorConnection,
  now: Date = new Date(),
): Promise<void> {
  const observed = await readFederatedCredentials(conn);
  if (observed) await applyFederatedSnapshot(db, conn.id, observed, now);
}
