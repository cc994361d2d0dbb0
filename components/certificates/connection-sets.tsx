"use client";

import { useQuery } from "@tanstack/react-query";
import { ConnectionFreshness } from "@/components/inventory/connection-freshness";
import { SessionEndedNotice } from "@/components/shell/session-ended";
import { Alert } from "@/components/ui/alert";
import { VisibleText } from "@/components/ui/visible-text";
import { readResult } from "@/lib/auth/action-result";
import { isSessionEnded, SESSION_ENDED_MESSAGE } from "@/lib/auth/session-ended";
import { filterCertificateSets } from "@/lib/certificates/list";
import type { CertificateListFilter } from "@/lib/certificates/schemas";
import type { ConnectionCertificateSets } from "@/lib/certificates/types";
import { VirtualSetList } from "./virtual-set-list";

/** While a connection has never been read, look again this often for its first snapshot. */
const FIRST_READ_POLL_MS = 3_000;

async function fetchSets(connectionId: string): Promise<ConnectionCertificateSets> {
  const response = await fetch(`/api/certificates?connection=${connectionId}`, {
    headers: { Accept: "application/json" },
  });
  const result = await readResult<ConnectionCertificateSets>(response);
  if (result.ok) return result.data;
  throw new Error(
    isSessionEnded(result)
      ? SESSION_ENDED_MESSAGE
      : `Reading the inventory failed (HTTP ${response.status}).`,
  );
}

/**
 * One connection's certificate sets from the inventory: rendered on the server, refetched here
 * (on refocus too) from the database only. "Refresh this connection" reads its vendor again.
 */
export function ConnectionSets({
  initial,
  filter,
  late = false,
}: {
  initial: ConnectionCertificateSets;
  filter: CertificateListFilter;
  /** The server gave up waiting for the inventory: `initial` is empty, read it again at once. */
  late?: boolean;
}) {
  const id = initial.connection.id;
  const query = useQuery({
    queryKey: ["certificate-sets", id],
    queryFn: () => fetchSets(id),
    // An ended session does not come back by asking again.
    retry: (failures, error) => !isSessionEnded(error) && failures < 1,
    initialData: initial,
    initialDataUpdatedAt: late ? 0 : undefined,
    staleTime: 60_000,
    refetchInterval: (q) => (q.state.data?.connection.lastAttemptAt ? false : FIRST_READ_POLL_MS),
  });
  const { connection, entries: all, readAt } = query.data;
  const at = new Date(readAt);
  const entries = filterCertificateSets(all, filter, at);
  const headingId = `connection-${connection.id}`;

  return (
    <section
      className="space-y-3"
      aria-labelledby={headingId}
      data-testid={`certificates-${connection.name}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          <VisibleText text={connection.name} />
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {entries.length} of {all.length} set{all.length === 1 ? "" : "s"}
        </p>
      </div>
      <ConnectionFreshness connection={connection} onRefreshed={() => query.refetch()} />
      {query.error ? (
        isSessionEnded(query.error) ? (
          <SessionEndedNotice show />
        ) : (
          <Alert tone="error">{query.error.message}</Alert>
        )
      ) : null}
      {late && query.isFetching ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Still waiting for {connection.name}…
        </p>
      ) : null}
      {entries.length === 0 ? (
        <Alert>
          {all.length > 0
            ? "No set of this connection matches these filters."
            : connection.lastAttemptAt
              ? "No certificate sets in the last read of this connection."
              : "Not read yet: the first read of this connection is under way."}
        </Alert>
      ) : (
        <VirtualSetList entries={entries} at={at} label={`Certificate sets of ${connection.name}`} />
      )}
    </section>
  );
}
