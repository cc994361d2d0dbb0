import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { inventoryFederatedApplications } from "@/lib/db/schema";
import type { ExternalApplication } from "@/lib/vendors/model";
import { excludedSet } from "./upsert-set";

/** One external application as read now (what the federated-credentials list shows of it). */
export interface ObservedApplication {
  key: string;
  clientId: string;
  name: string;
  isConfidential: boolean;
  scopes: string[];
}

export function observeApplication(connectionId: string, app: ExternalApplication): ObservedApplication {
  return {
    key: `${connectionId}/${app.clientId}`,
    clientId: app.clientId,
    name: app.name,
    isConfidential: app.isConfidential,
    scopes: [...app.scopes],
  };
}

/** A present application as the inventory holds it, with what a refresh compares. */
export type StoredApplication = Pick<
  typeof inventoryFederatedApplications.$inferSelect,
  "key" | "name" | "isConfidential" | "scopes"
>;

/** What one snapshot of a connection's applications has to write: nothing when nothing changed. */
export interface ApplicationWrites {
  /** New, reappeared or changed applications (name, confidentiality or scopes). */
  upserts: ObservedApplication[];
  /** Keys of the applications no longer there. */
  gone: string[];
}

/** The applications the inventory holds as present for some connections (one statement). */
export async function storedApplications(
  db: Pick<Database, "select">,
  connectionIds: readonly string[],
): Promise<(StoredApplication & { connectionId: string })[]> {
  return db
    .select({
      connectionId: inventoryFederatedApplications.connectionId,
      key: inventoryFederatedApplications.key,
      name: inventoryFederatedApplications.name,
      isConfidential: inventoryFederatedApplications.isConfidential,
      scopes: inventoryFederatedApplications.scopes,
    })
    .from(inventoryFederatedApplications)
    .where(
      and(
        inArray(inventoryFederatedApplications.connectionId, [...connectionIds]),
        isNull(inventoryFederatedApplications.goneAt),
      ),
    );
}

const sameScopes = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((scope, i) => scope === b[i]);

/** Compares the applications read now with the stored ones: an unchanged one is not rewritten. */
export function applicationWrites(
  stored: readonly StoredApplication[],
  observed: readonly ObservedApplication[],
): ApplicationWrites {
  const before = new Map(stored.map((s) => [s.key, s]));
  const seen = new Set(observed.map((o) => o.key));
  return {
    upserts: observed.filter((o) => {
      const s = before.get(o.key);
      return (
        !s || s.name !== o.name || s.isConfidential !== o.isConfidential || !sameScopes(s.scopes, o.scopes)
      );
    }),
    gone: stored.filter((s) => !seen.has(s.key)).map((s) => s.key),
  };
}

/**
 * Store the external applications that changed (in one statement; the first sighting is kept)
 * and mark the missing ones gone, so the list shows applications without credentials too.
 */
export async function storeApplications(
  tx: Pick<Database, "insert" | "update">,
  connectionId: string,
  writes: ApplicationWrites,
  now: Date,
): Promise<void> {
  if (writes.upserts.length > 0)
    await tx
      .insert(inventoryFederatedApplications)
      .values(
        writes.upserts.map((o) => ({ ...o, connectionId, firstSeenAt: now, lastSeenAt: now, goneAt: null })),
      )
      .onConflictDoUpdate({
        target: inventoryFederatedApplications.key,
        set: excludedSet(inventoryFederatedApplications, ["key", "connectionId", "clientId", "firstSeenAt"]),
      });
  if (writes.gone.length > 0)
    await tx
      .update(inventoryFederatedApplications)
      .set({ goneAt: now })
      .where(inArray(inventoryFederatedApplications.key, writes.gone));
}

/** The applications of a connection as last snapshotted, by name. */
export async function readFederatedApplications(db: Database, connectionId: string) {
  return db
    .select()
    .from(inventoryFederatedApplications)
    .where(
      and(
        eq(inventoryFederatedApplications.connectionId, connectionId),
        isNull(inventoryFederatedApplications.goneAt),
      ),
    )
    .orderBy(inventoryFederatedApplications.name);
}
