import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { inventoryFederatedApplications } from "@/lib/db/schema";
import type { ExternalApplication } from "@/lib/vendors/model";

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

/**
 * Store the external applications just read from one connection: upsert the present ones and
 * mark the missing ones gone, so the list shows applications without credentials too.
 */
export async function applyFederatedApplications(
  db: Database,
  connectionId: string,
  observed: ObservedApplication[],
  now: Date,
): Promise<void> {
  const present = await db
    .select({ key: inventoryFederatedApplications.key })
    .from(inventoryFederatedApplications)
    .where(
      and(
        eq(inventoryFederatedApplications.connectionId, connectionId),
        isNull(inventoryFederatedApplications.goneAt),
      ),
    );
  const seen = new Set(observed.map((o) => o.key));
  const gone = present.map((p) => p.key).filter((key) => !seen.has(key));
  await db.transaction(async (tx) => {
    // One statement for all of them; the first sighting is kept.
    if (observed.length > 0)
      await tx
        .insert(inventoryFederatedApplications)
        .values(
          observed.map((o) => ({ ...o, connectionId, firstSeenAt: now, lastSeenAt: now, goneAt: null })),
        )
        .onConflictDoUpdate({
          target: inventoryFederatedApplications.key,
          set: {
            name: sql`excluded.name`,
            isConfidential: sql`excluded.is_confidential`,
            scopes: sql`excluded.scopes`,
            lastSeenAt: now,
            goneAt: null,
          },
        });
    if (gone.length > 0)
      await tx
        .update(inventoryFederatedApplications)
        .set({ goneAt: now })
        .where(inArray(inventoryFederatedApplications.key, gone));
  });
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
