import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { inventoryConnections, inventoryEvents, inventoryFederatedCredentials } from "@/lib/db/schema";
import type { VendorConnection } from "@/lib/vendors/model";
import { federatedOperationsFor } from "@/lib/vendors/registry";
import {
  applicationWrites,
  observeApplication,
  storedApplications,
  storeApplications,
  type ObservedApplication,
} from "./federated-applications";
import { credentialWrites, type ObservedCredential } from "./federated-changes";
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

/**
 * Record whether the last refresh could read a connection's federated credentials: `error` is why
 * not (the list then shows its earlier data, said as such), null when it could. Writes only when
 * that changes, so an unchanged refresh stays one write.
 */
export async function recordFederatedRead(db: Database, connectionId: string, error: string | null) {
  await db
    .update(inventoryConnections)
    .set({ federatedError: error })
    .where(
      and(
        eq(inventoryConnections.connectionId, connectionId),
        sql`${inventoryConnections.federatedError} is distinct from ${error}`,
      ),
    );
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
  const [apps, stored] = await Promise.all([
    storedApplications(db, connectionId),
    readPresentFederatedCredentials(db, connectionId),
  ]);
  const appWrites = applicationWrites(apps, federation.applications);
  const writes = credentialWrites(connectionId, stored, federation.credentials, now);
  const nothing = (w: { upserts: unknown[]; gone: unknown[] }) =>
    w.upserts.length === 0 && w.gone.length === 0;
  if (nothing(appWrites) && nothing(writes)) return 0;

  await db.transaction(async (tx) => {
    await storeApplications(tx, connectionId, appWrites, now);
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
