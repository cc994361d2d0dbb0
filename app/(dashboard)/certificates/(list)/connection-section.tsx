import { ConnectionSets } from "@/components/certificates/connection-sets";
import { readConnectionCertificateSets } from "@/lib/certificates/read";
import type { CertificateListFilter } from "@/lib/certificates/schemas";
import { getDb } from "@/lib/db/get-db";
import { refreshConnectionOnce } from "@/lib/inventory/refresh-connection";
import type { InventoryConnection } from "@/lib/inventory/types";
import { withDeadline } from "@/lib/inventory/with-deadline";
import { encryptionKey } from "@/lib/secrets/key";

/** How long a section waits for the inventory (the database) before showing what it has. */
const SECTION_DEADLINE_MS = 10_000;
/** How long a never-read connection's section waits for its first read before streaming without it. */
const FIRST_READ_DEADLINE_MS = 8_000;

/**
 * One connection's part of the certificate list, rendered inside its own Suspense boundary so the
 * page never waits for it. Reads the inventory, never the vendor — except once for a connection
 * that was never read (a new one), whose first read runs here, shared with anyone else asking,
 * and is waited for only until its deadline; the browser then polls the inventory for it.
 */
export async function CertificateConnectionSection({
  connection,
  filter,
}: {
  connection: InventoryConnection;
  filter: CertificateListFilter;
}) {
  const db = await getDb();
  if (!connection.lastAttemptAt)
    await withDeadline(
      refreshConnectionOnce(db, encryptionKey(), connection.id).catch(() => null),
      FIRST_READ_DEADLINE_MS,
    );
  const read = await withDeadline(readConnectionCertificateSets(db, connection.id), SECTION_DEADLINE_MS);
  if (read.done && !read.value) return null; // deleted or disabled since the page began
  const initial =
    read.done && read.value ? read.value : { connection, entries: [], readAt: new Date().toISOString() };
  return <ConnectionSets initial={initial} filter={filter} late={!read.done} />;
}
