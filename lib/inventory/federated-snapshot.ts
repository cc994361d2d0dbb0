import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { inventoryConnections, inventoryEvents, inventoryFederatedCredentials } from "@/lib/db/schema";
import type { VendorConnection } from "@/lib/vendors/model";
import { federatedOperationsFor } from "@/lib/vendors/registry";
import {
  applyFederatedApplications,
  observeApplication,
  type ObservedApplication,
} from "./federated-applications";

/** One federated credential as read now. */
export interface ObservedCredential {
  key: string;
  clientId: string;
  applicationName: string;
  credentialId: string;
  name: string | null;
  issuer: string | null;
  audience: string | null;
  subject: string | null;
  description: string | null;
  vendorCreatedAt: string;
  vendorUpdatedAt: string;
}

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

/**
 * Store the federated credentials just read from one connection with history: appeared,
 * changed (issuer, audience or subject edited) and disappeared.
 */
export async function applyFederatedSnapshot(
  db: Database,
  connectionId: string,
  federation: ObservedFederation,
  now: Date,
): Promise<number> {
  await applyFederatedApplications(db, connectionId, federation.applications, now);
  const observed = federation.credentials;
  const rows = await db
    .select()
    .from(inventoryFederatedCredentials)
    .where(
      and(
        eq(inventoryFederatedCredentials.connectionId, connectionId),
        isNull(inventoryFederatedCredentials.goneAt),
      ),
    );
  const before = new Map(rows.map((r) => [r.key, r]));
  const seen = new Set(observed.map((o) => o.key));
  const events: (typeof inventoryEvents.$inferInsert)[] = [];
  for (const o of observed) {
    const p = before.get(o.key);
    const match = { issuer: o.issuer, audience: o.audience, subject: o.subject };
    if (!p)
      events.push({
        occurredAt: now,
        itemType: "federated-credential",
        itemKey: o.key,
        connectionId,
        kind: "appeared",
        details: { name: o.name, ...match },
      });
    else if (p.issuer !== o.issuer || p.audience !== o.audience || p.subject !== o.subject) {
      events.push({
        occurredAt: now,
        itemType: "federated-credential",
        itemKey: o.key,
        connectionId,
        kind: "state-changed",
        details: { from: { issuer: p.issuer, audience: p.audience, subject: p.subject }, to: match },
      });
    }
  }
  const gone = rows.filter((r) => !seen.has(r.key));
  for (const g of gone)
    events.push({
      occurredAt: now,
      itemType: "federated-credential",
      itemKey: g.key,
      connectionId,
      kind: "disappeared",
      details: { name: g.name },
    });

  await db.transaction(async (tx) => {
    for (const o of observed) {
      const values = { ...o, connectionId, firstSeenAt: now, lastSeenAt: now, goneAt: null };
      const { key: _key, firstSeenAt: _first, ...update } = values;
      await tx
        .insert(inventoryFederatedCredentials)
        .values(values)
        .onConflictDoUpdate({ target: inventoryFederatedCredentials.key, set: update });
    }
    if (gone.length > 0)
      await tx
        .update(inventoryFederatedCredentials)
        .set({ goneAt: now })
        .where(
          inArray(
            inventoryFederatedCredentials.key,
            gone.map((g) => g.key),
          ),
        );
    if (events.length > 0) await tx.insert(inventoryEvents).values(events);
  });
  return events.length;
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
