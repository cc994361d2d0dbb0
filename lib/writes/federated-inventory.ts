import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { inventoryEvents, inventoryFederatedCredentials } from "@/lib/db/schema";
import type { FederatedCredential } from "@/lib/vendors/model";

/**
 * Record one federated credential as Trustdeck just changed it: upserted when it exists, marked
 * gone when it does not, with a history entry, so lists and counts follow without a refresh.
 */
export async function recordCredentialChange(
  db: Database,
  input: {
    connectionId: string;
    clientId: string;
    credentialId: string;
    credential: FederatedCredential | null;
    now: Date;
  },
): Promise<void> {
  const { connectionId, clientId, credentialId, credential, now } = input;
  const key = `${connectionId}/${clientId}/${credentialId}`;
  const [previous] = await db
    .select()
    .from(inventoryFederatedCredentials)
    .where(eq(inventoryFederatedCredentials.key, key));
  const [sibling] = await db
    .select({ applicationName: inventoryFederatedCredentials.applicationName })
    .from(inventoryFederatedCredentials)
    .where(
      and(
        eq(inventoryFederatedCredentials.connectionId, connectionId),
        eq(inventoryFederatedCredentials.clientId, clientId),
      ),
    )
    .limit(1);
  await db.transaction(async (tx) => {
    if (!credential) {
      if (!previous || previous.goneAt) return;
      await tx
        .update(inventoryFederatedCredentials)
        .set({ goneAt: now })
        .where(and(eq(inventoryFederatedCredentials.key, key), isNull(inventoryFederatedCredentials.goneAt)));
      await tx.insert(inventoryEvents).values({
        occurredAt: now,
        itemType: "federated-credential",
        itemKey: key,
        connectionId,
        kind: "disappeared",
        details: { name: previous.name },
      });
      return;
    }
    const match = { issuer: credential.issuer, audience: credential.audience, subject: credential.subject };
    const values = {
      key,
      connectionId,
      clientId,
      applicationName: sibling?.applicationName ?? clientId,
      credentialId,
      name: credential.name,
      ...match,
      vendorUpdatedAt: credential.updatedAt,
      firstSeenAt: now,
      lastSeenAt: now,
      goneAt: null,
    };
    const { key: _key, firstSeenAt: _first, applicationName: _app, ...update } = values;
    await tx
      .insert(inventoryFederatedCredentials)
      .values(values)
      .onConflictDoUpdate({ target: inventoryFederatedCredentials.key, set: update });
    const changed =
      previous &&
      !previous.goneAt &&
      (previous.issuer !== match.issuer ||
        previous.audience !== match.audience ||
        previous.subject !== match.subject);
    if (!previous || previous.goneAt || changed)
      await tx.insert(inventoryEvents).values({
        occurredAt: now,
        itemType: "federated-credential",
        itemKey: key,
        connectionId,
        kind: changed ? "state-changed" : "appeared",
        details: changed
          ? {
              from: { issuer: previous.issuer, audience: previous.audience, subject: previous.subject },
              to: match,
            }
          : { name: credential.name, ...match },
      });
  });
}
