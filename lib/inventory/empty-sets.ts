import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { inventoryEmptySets } from "@/lib/db/schema";
import type { Vendor } from "@/lib/vendors/descriptors";
import type { CertificateSet } from "@/lib/vendors/model";
import { emptySetImpact, isEmptySet } from "@/lib/vendors/slot-roles";
import type { DigestFields } from "./snapshot-digest";
import type { Database } from "@/lib/db/client";
import type { Writer } from "./snapshot-store";

// Sets with no certificate in any slot: the inventory keeps certificates, so without these rows
// such a set would vanish from every list, and an administrator could not see where to upload one.

/** An empty set as read now. */
export interface ObservedEmptySet {
  key: string;
  setId: string;
  setLabel: string;
  setKind: string;
  signInFails: boolean;
}

type EmptySetRow = typeof inventoryEmptySets.$inferSelect;

/** The key of a set in the inventory: `<connectionId>/<setId>`. */
export function setKey(connectionId: string, setId: string): string {
  return `${connectionId}/${setId}`;
}

/** The sets read from a connection that hold no certificate, with what that means for sign-in. */
export function observeEmptySets(connectionId: string, sets: readonly CertificateSet[]): ObservedEmptySet[] {
  return sets.filter(isEmptySet).map((set) => ({
    key: setKey(connectionId, set.id),
    setId: set.id,
    setLabel: set.label,
    setKind: set.kind,
    signInFails: emptySetImpact(set.vendor, set.kind, set.inUse).signInFails,
  }));
}

/** The role an empty set's digest line carries: what its row says about sign-in. */
const EMPTY_ROLE = { fails: "empty-sign-in-fails", ok: "empty" } as const;

/**
 * An empty set as a line of the connection's digest (lib/inventory/snapshot-digest.ts): its key
 * has no third part and its slot is "", so it can never equal a certificate's line.
 */
export function emptySetDigestFields(
  set: Pick<ObservedEmptySet, "key" | "setLabel" | "setKind" | "signInFails">,
): DigestFields {
  return {
    key: set.key,
    setLabel: set.setLabel,
    setKind: set.setKind,
    slot: "",
    state: null,
    role: set.signInFails ? EMPTY_ROLE.fails : EMPTY_ROLE.ok,
    setBreaksAt: null,
  };
}

/** The same line's columns in SQL, over `inventory_empty_sets` (null columns as in the digest). */
export const EMPTY_SET_DIGEST_COLUMNS = [
  "key",
  "set_label",
  "set_kind",
  "''",
  "NULL::text",
  `CASE WHEN sign_in_fails THEN '${EMPTY_ROLE.fails}' ELSE '${EMPTY_ROLE.ok}' END`,
  "NULL::text",
] as const;

/** The empty sets a connection (or one of its sets) holds in the inventory now, by key. */
export async function storedEmptySets(
  db: Writer,
  connectionId: string,
  setId?: string,
): Promise<Map<string, EmptySetRow>> {
  const rows = await db
    .select()
    .from(inventoryEmptySets)
    .where(
      and(
        eq(inventoryEmptySets.connectionId, connectionId),
        setId === undefined ? undefined : eq(inventoryEmptySets.setId, setId),
      ),
    );
  return new Map(rows.map((r) => [r.key, r]));
}

/** What a snapshot changes about empty sets: rows to add or update, keys to remove. */
export interface EmptySetWrites {
  upserts: ObservedEmptySet[];
  removals: string[];
}

/** Compares what was read with what is stored; nothing to write when they agree. */
export function emptySetWrites(
  observed: readonly ObservedEmptySet[],
  stored: ReadonlyMap<string, Pick<EmptySetRow, "setLabel" | "setKind" | "signInFails">>,
): EmptySetWrites {
  const seen = new Set(observed.map((o) => o.key));
  return {
    upserts: observed.filter((o) => {
      const row = stored.get(o.key);
      return (
        !row || row.setLabel !== o.setLabel || row.setKind !== o.setKind || row.signInFails !== o.signInFails
      );
    }),
    removals: [...stored.keys()].filter((key) => !seen.has(key)),
  };
}

/** Whether there is anything to write. */
export function hasEmptySetWrites(writes: EmptySetWrites): boolean {
  return writes.upserts.length > 0 || writes.removals.length > 0;
}

/** Writes the changes in at most two statements; `firstSeenAt` stays from the first sighting. */
export async function storeEmptySets(
  tx: Writer & Pick<Database, "delete">,
  connection: { id: string; vendor: Vendor },
  writes: EmptySetWrites,
  now: Date,
): Promise<void> {
  if (writes.upserts.length > 0)
    await tx
      .insert(inventoryEmptySets)
      .values(
        writes.upserts.map((o) => ({
          key: o.key,
          connectionId: connection.id,
          vendor: connection.vendor,
          setId: o.setId,
          setLabel: o.setLabel,
          setKind: o.setKind,
          signInFails: o.signInFails,
          firstSeenAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: inventoryEmptySets.key,
        set: {
          setLabel: sql.raw(`excluded."set_label"`),
          setKind: sql.raw(`excluded."set_kind"`),
          signInFails: sql.raw(`excluded."sign_in_fails"`),
        },
      });
  if (writes.removals.length > 0)
    await tx.delete(inventoryEmptySets).where(inArray(inventoryEmptySets.key, writes.removals));
}
