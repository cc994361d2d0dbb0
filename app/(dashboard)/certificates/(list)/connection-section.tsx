import { ConnectionStatus } from "@/components/certificates/connection-status";
import { readListedConnections } from "@/lib/certificates/read";
import { getDb } from "@/lib/db/get-db";
import type { InventoryConnection } from "@/lib/inventory/types";
import { firstReads } from "./first-reads";

/**
 * One connection's card, inside its own Suspense boundary so the page never waits for it. Its
 * freshness comes from the database; only a connection never read (a new one) is read here,
 * once, and waited for only until its deadline.
 */
export async function ConnectionStatusSection({ connection }: { connection: InventoryConnection }) {
  const db = await getDb();
  const read = await firstReads(db, [connection]);
  const fresh = read ? (await readListedConnections(db)).find((c) => c.id === connection.id) : undefined;
  return <ConnectionStatus initial={fresh ?? connection} />;
}
