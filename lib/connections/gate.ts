import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import type { VendorConnection } from "@/lib/vendors/model";
import { connectionInputSchema } from "./schemas";
import { readSecrets } from "./sealed-secrets";

// The one gate before any vendor call with a stored connection.

/** The connection with decrypted secrets, validated again, for a vendor adapter. */
export async function loadVendorConnection(
  db: Database,
  key: Uint8Array,
  id: string,
): Promise<VendorConnection | undefined> {
  const gate = await openConnection(db, key, id, { allowDisabled: true });
  return gate.ok ? gate.conn : undefined;
}

/** A connection ready for vendor calls, or why it may not be used. */
export type ConnectionGate =
  | { ok: true; conn: VendorConnection }
  | { ok: false; code: "not-found" | "connection-disabled"; message: string };

/** The sentence every read and write path shows for a disabled connection. */
export function disabledMessage(name: string): string {
  return `The connection “${name}” is disabled: an admin must enable it before Trustdeck calls its vendor with it.`;
}

/**
 * The one gate before any vendor call: the connection exists and is enabled, and its secrets
 * are decrypted and validated once. A disabled connection is refused with a sentence that says so.
 * Secrets sealed for another destination than the row's throw (SecretsError ERR_DESTINATION):
 * nothing is sent.
 */
export async function openConnection(
  db: Database,
  key: Uint8Array,
  id: string,
  options: { allowDisabled?: boolean } = {},
): Promise<ConnectionGate> {
  const [row] = await db.select().from(connections).where(eq(connections.id, id)).limit(1);
  return openRow(db, key, row, options);
}

/**
 * The gate for several connections at once, read in one statement (a refresh loads the
 * connections of its next round together): each id answers its own gate, or its own error.
 */
export async function openConnections(
  db: Database,
  key: Uint8Array,
  ids: readonly string[],
  options: { allowDisabled?: boolean } = {},
): Promise<Promise<ConnectionGate>[]> {
  const rows =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(connections)
          .where(inArray(connections.id, [...ids]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const gates = ids.map((id) => openRow(db, key, byId.get(id), options));
  // Settled before they are handed out, so a failing one is never an unheard rejection.
  await Promise.allSettled(gates);
  return gates;
}

async function openRow(
  db: Database,
  key: Uint8Array,
  row: typeof connections.$inferSelect | undefined,
  options: { allowDisabled?: boolean },
): Promise<ConnectionGate> {
  if (!row) return { ok: false, code: "not-found", message: "This connection no longer exists." };
  if (!row.enabled && !options.allowDisabled)
    return { ok: false, code: "connection-disabled", message: disabledMessage(row.name) };
  const secrets = await readSecrets(db, row, key);
  const input = connectionInputSchema.parse({
    ...row.settings,
    ...secrets,
    vendor: row.vendor,
    name: row.name,
    baseUrl: row.baseUrl,
  });
  return { ok: true, conn: { id: row.id, ...input } };
}
