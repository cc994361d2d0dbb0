import { CertificateListLoader } from "@/components/certificates/certificate-list-loader";
import { StaticSetList } from "@/components/certificates/static-set-list";
import { readCertificateList } from "@/lib/certificates/read";
import type { CertificateListFilter } from "@/lib/certificates/schemas";
import { getDb } from "@/lib/db/get-db";
import type { InventoryConnection } from "@/lib/inventory/types";
import { withDeadline } from "@/lib/inventory/with-deadline";
import { firstReads } from "./first-reads";

/** How long the list waits for the inventory (the database) before streaming empty and reading again in the browser. */
const LIST_DEADLINE_MS = 10_000;

/**
 * The certificate list, in its own Suspense boundary: the inventory of every connection, one
 * query. Its first screenful is rendered here; the virtualised list loads after the page.
 */
export async function CertificateListSection({
  connections,
  filter,
}: {
  connections: InventoryConnection[];
  filter: CertificateListFilter;
}) {
  const db = await getDb();
  await firstReads(db, connections);
  const read = await withDeadline(readCertificateList(db), LIST_DEADLINE_MS);
  const initial = read.done
    ? read.value
    : { entries: [], neverRead: connections.map((c) => c.id), readAt: new Date().toISOString() };
  return (
    <CertificateListLoader filter={filter} late={!read.done}>
      <StaticSetList list={initial} filter={filter} late={!read.done} />
    </CertificateListLoader>
  );
}
