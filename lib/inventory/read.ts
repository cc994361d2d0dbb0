import "server-only";
import { asc, desc, eq, getTableColumns, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { storedSummary } from "./stored-summary";
import {
  connections,
  inventoryCertificates,
  inventoryConnections,
  inventoryDrift,
  inventoryDriftAcknowledgements,
  inventoryEmptySets,
  inventoryEvents,
} from "@/lib/db/schema";
import type {
  DriftEvent,
  Inventory,
  InventoryCertificate,
  InventoryEmptySet,
  InventoryConnection,
  InventoryHistoryEvent,
} from "./types";

/** The set detail page of a certificate set. */
export function setHref(connectionId: string, setId: string): string {
  return `/certificates/${connectionId}/${encodeURIComponent(setId)}`;
}

type CertificateRow = typeof inventoryCertificates.$inferSelect;

/**
 * A stored snapshot row as the inventory DTO (no PEM: callers that need it read the row). A
 * refresh does not rewrite unchanged rows, so a present certificate was last seen at its
 * connection's last successful read when that is later than its row says.
 */
export function toInventoryCertificate(
  row: CertificateRow,
  connectionName: string,
  lastSuccessAt?: Date | null,
): InventoryCertificate {
  const lastSeenAt =
    !row.goneAt && lastSuccessAt && lastSuccessAt > row.lastSeenAt ? lastSuccessAt : row.lastSeenAt;
  const cert: InventoryCertificate = {
    key: row.key,
    vendor: row.vendor,
    connectionId: row.connectionId,
    connectionName,
    setId: row.setId,
    setLabel: row.setLabel,
    setHref: setHref(row.connectionId, row.setId),
    slot: row.slot,
    ...storedSummary(row),
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: lastSeenAt.toISOString(),
  };
  if (row.state) cert.state = row.state as NonNullable<InventoryCertificate["state"]>;
  if (row.role) cert.role = row.role;
  if (row.setBreaksAt) cert.setBreaksAt = row.setBreaksAt.toISOString();
  return cert;
}

function freshness(
  rows: { id: string; name: string; vendor: InventoryConnection["vendor"]; enabled: boolean }[],
  states: (typeof inventoryConnections.$inferSelect)[],
): InventoryConnection[] {
  const byId = new Map(states.map((s) => [s.connectionId, s]));
  return rows
    .filter((c) => c.enabled)
    .map((c) => {
      const state = byId.get(c.id);
      const lastSuccessAt = state?.lastSuccessAt ?? null;
      const lastAttemptAt = state?.lastAttemptAt ?? null;
      // A recorded error means the last attempt failed, even when it bears the same instant as a
      // success (a refresh stores a connection's certificates, then fails on the rest of it).
      const stale =
        !lastSuccessAt ||
        Boolean(state?.lastError) ||
        Boolean(lastAttemptAt && lastAttemptAt > lastSuccessAt);
      return {
        id: c.id,
        name: c.name,
        vendor: c.vendor,
        lastSuccessAt: lastSuccessAt?.toISOString() ?? null,
        lastAttemptAt: lastAttemptAt?.toISOString() ?? null,
        stale,
        lastError: stale ? (state?.lastError ?? null) : null,
        federatedError: state?.federatedError ?? null,
      };
    });
}

const connectionColumns = {
  id: connections.id,
  name: connections.name,
  vendor: connections.vendor,
  enabled: connections.enabled,
};

/** Each enabled connection's freshness only (cheap: for polling progress). */
export async function readInventoryConnections(db: Database): Promise<InventoryConnection[]> {
  const [rows, states] = await Promise.all([
    db.select(connectionColumns).from(connections).orderBy(asc(connections.vendor), asc(connections.name)),
    db.select().from(inventoryConnections),
  ]);
  return freshness(rows, states);
}

/**
 * The inventory as last snapshotted: every certificate still present at an enabled connection,
 * each connection's freshness (stale when its last read failed), and the latest drift not yet
 * acknowledged. Reads only the database, never a vendor.
 */
export async function readInventory(db: Database, options: { driftLimit?: number } = {}): Promise<Inventory> {
  const [connectionRows, stateRows, certificateRows, driftRows, emptySetRows] = await Promise.all([
    db.select(connectionColumns).from(connections).orderBy(asc(connections.vendor), asc(connections.name)),
    db.select().from(inventoryConnections),
    db
      .select()
      .from(inventoryCertificates)
      .where(isNull(inventoryCertificates.goneAt))
      .orderBy(asc(inventoryCertificates.notAfter)),
    // Acknowledged entries are gone for everyone; a later change is a new entry and shows.
    db
      .select(getTableColumns(inventoryDrift))
      .from(inventoryDrift)
      .leftJoin(inventoryDriftAcknowledgements, eq(inventoryDriftAcknowledgements.driftId, inventoryDrift.id))
      .where(isNull(inventoryDriftAcknowledgements.driftId))
      .orderBy(desc(inventoryDrift.detectedAt), desc(inventoryDrift.id))
      .limit(options.driftLimit ?? 50),
    db.select().from(inventoryEmptySets).orderBy(asc(inventoryEmptySets.setLabel)),
  ]);
  // Disabled connections are not refreshed, so their certificates would only be misleading here.
  const names = new Map(connectionRows.filter((c) => c.enabled).map((c) => [c.id, c.name]));
  const connectionsOut = freshness(connectionRows, stateRows);

  const lastSuccess = new Map(stateRows.map((s) => [s.connectionId, s.lastSuccessAt]));
  const certificates = certificateRows.flatMap((row) => {
    const name = names.get(row.connectionId);
    return name === undefined ? [] : [toInventoryCertificate(row, name, lastSuccess.get(row.connectionId))];
  });

  const drift: DriftEvent[] = driftRows.flatMap((row) => {
    const name = names.get(row.connectionId);
    if (name === undefined) return [];
    return [
      {
        id: row.id,
        detectedAt: row.detectedAt.toISOString(),
        kind: row.kind,
        connectionId: row.connectionId,
        connectionName: name,
        setId: row.setId,
        setHref: setHref(row.connectionId, row.setId),
        certificateKey: row.certificateKey,
        message: row.message,
      },
    ];
  });

  const emptySets: InventoryEmptySet[] = emptySetRows.flatMap((row) => {
    const name = names.get(row.connectionId);
    if (name === undefined) return [];
    return [
      {
        key: row.key,
        vendor: row.vendor,
        connectionId: row.connectionId,
        connectionName: name,
        setId: row.setId,
        setLabel: row.setLabel,
        setKind: row.setKind,
        setHref: setHref(row.connectionId, row.setId),
        signInFails: row.signInFails,
        firstSeenAt: row.firstSeenAt.toISOString(),
      },
    ];
  });

  return { certificates, emptySets, connections: connectionsOut, drift };
}

/** History of the inventory, newest first: of one item, one connection, or everything. */
export async function readInventoryHistory(
  db: Database,
  filter: { itemKey?: string; connectionId?: string; limit?: number } = {},
): Promise<InventoryHistoryEvent[]> {
  const where = filter.itemKey
    ? eq(inventoryEvents.itemKey, filter.itemKey)
    : filter.connectionId
      ? eq(inventoryEvents.connectionId, filter.connectionId)
      : undefined;
  const rows = await db
    .select()
    .from(inventoryEvents)
    .where(where)
    .orderBy(desc(inventoryEvents.occurredAt), desc(inventoryEvents.id))
    .limit(filter.limit ?? 200);
  return rows.map((r) => ({
    occurredAt: r.occurredAt.toISOString(),
    kind: r.kind,
    itemType: r.itemType,
    itemKey: r.itemKey,
    details: r.details ?? null,
  }));
}
