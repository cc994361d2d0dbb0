import "server-only";
import type { inventoryEvents, inventoryFederatedCredentials } from "@/lib/db/schema";

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

/** A present credential as the inventory holds it. */
export type StoredCredential = typeof inventoryFederatedCredentials.$inferSelect;
type EventInsert = typeof inventoryEvents.$inferInsert;

/** What a row says about its credential; `key`, `connectionId` and the sighting times are not compared. */
const CONTENT: readonly (keyof ObservedCredential & keyof StoredCredential)[] = [
  "clientId",
  "applicationName",
  "credentialId",
  "name",
  "issuer",
  "audience",
  "subject",
  "description",
  "vendorCreatedAt",
  "vendorUpdatedAt",
];

/** What one snapshot of a connection's federated credentials has to write: nothing when nothing changed. */
export interface CredentialWrites {
  /** New, reappeared or changed credentials: written whole (a row equal to the stored one is not). */
  upserts: ObservedCredential[];
  /** Keys of the credentials no longer there. */
  gone: string[];
  /** History: appeared, state-changed (issuer, audience or subject edited) and disappeared. */
  events: EventInsert[];
}

/**
 * Compares the credentials read now with the present ones in the inventory. A row whose content
 * is unchanged is left alone, so its `lastSeenAt` is when it last changed; how fresh the list is
 * comes from the connection's last successful read.
 */
export function credentialWrites(
  connectionId: string,
  stored: readonly StoredCredential[],
  observed: readonly ObservedCredential[],
  now: Date,
): CredentialWrites {
  const before = new Map(stored.map((r) => [r.key, r]));
  const seen = new Set(observed.map((o) => o.key));
  const event = (itemKey: string, kind: EventInsert["kind"], details: Record<string, unknown>) => ({
    occurredAt: now,
    itemType: "federated-credential" as const,
    itemKey,
    connectionId,
    kind,
    details,
  });
  const writes: CredentialWrites = { upserts: [], gone: [], events: [] };
  for (const o of observed) {
    const p = before.get(o.key);
    const match = { issuer: o.issuer, audience: o.audience, subject: o.subject };
    if (!p) writes.events.push(event(o.key, "appeared", { name: o.name, ...match }));
    else if (p.issuer !== o.issuer || p.audience !== o.audience || p.subject !== o.subject)
      writes.events.push(
        event(o.key, "state-changed", {
          from: { issuer: p.issuer, audience: p.audience, subject: p.subject },
          to: match,
        }),
      );
    if (!p || CONTENT.some((column) => p[column] !== o[column])) writes.upserts.push(o);
  }
  for (const g of stored.filter((r) => !seen.has(r.key))) {
    writes.gone.push(g.key);
    writes.events.push(event(g.key, "disappeared", { name: g.name }));
  }
  return writes;
}
