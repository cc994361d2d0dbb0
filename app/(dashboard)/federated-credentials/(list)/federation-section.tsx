import { ConnectionSection } from "@/components/federated/connection-section";
import { FirstReadPoller } from "@/components/inventory/first-read-poller";
import type { CredentialWriteActions } from "@/components/federated/types";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/lib/db/get-db";
import { readFederationFromInventory } from "@/lib/federated/from-inventory";
import { refreshConnectionOnce } from "@/lib/inventory/refresh-connection";
import { withDeadline } from "@/lib/inventory/with-deadline";
import { encryptionKey } from "@/lib/secrets/key";

/** How long a section waits for the inventory (the database) before giving up on this render. */
const SECTION_DEADLINE_MS = 10_000;
/** How long a never-read connection's section waits for its first read. */
const FIRST_READ_DEADLINE_MS = 8_000;

/**
 * One UiPath connection's part of the federated-credentials list, inside its own Suspense
 * boundary. Reads the inventory, never UiPath — except once for a connection never read, whose
 * first read (shared with anyone else asking) is waited for only until its deadline.
 */
export async function FederationSection({
  connectionId,
  name,
  actions,
}: {
  connectionId: string;
  name: string;
  actions: CredentialWriteActions | null;
}) {
  const db = await getDb();
  const key = encryptionKey();
  const read = () => withDeadline(readFederationFromInventory(db, key, connectionId), SECTION_DEADLINE_MS);
  let result = await read();
  if (result.done && result.value?.neverRead) {
    await withDeadline(
      refreshConnectionOnce(db, key, connectionId).catch(() => null),
      FIRST_READ_DEADLINE_MS,
    );
    result = await read();
  }
  if (!result.done)
    return (
      <Alert tone="error" title={`${name} could not be shown in time`}>
        Trustdeck&apos;s database did not answer in time for this connection. Reload the page to try again.
      </Alert>
    );
  if (!result.value) return null; // deleted or disabled since the page began
  const { federation, connection, neverRead } = result.value;
  return (
    <>
      <ConnectionSection federation={federation} actions={actions} freshness={connection} />
      {neverRead ? <FirstReadPoller /> : null}
    </>
  );
}
