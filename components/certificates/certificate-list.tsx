"use client";

import { useQuery } from "@tanstack/react-query";
import { SessionEndedNotice } from "@/components/shell/session-ended";
import { Alert } from "@/components/ui/alert";
import { readResult } from "@/lib/auth/action-result";
import { isSessionEnded, SESSION_ENDED_MESSAGE } from "@/lib/auth/session-ended";
import { filterCertificateSets } from "@/lib/certificates/list";
import type { CertificateListFilter } from "@/lib/certificates/schemas";
import type { CertificateList as CertificateListData } from "@/lib/certificates/types";
import { VirtualSetList } from "./virtual-set-list";

/** The list's query: every section that changes the inventory (a connection refresh) invalidates it. */
export const CERTIFICATE_LIST_QUERY_KEY = ["certificate-list"] as const;
/** While a connection has never been read, look again this often for its first snapshot. */
const FIRST_READ_POLL_MS = 3_000;

async function fetchList(): Promise<CertificateListData> {
  const response = await fetch("/api/certificates", { headers: { Accept: "application/json" } });
  const result = await readResult<CertificateListData>(response);
  if (result.ok) return result.data;
  throw new Error(
    isSessionEnded(result)
      ? SESSION_ENDED_MESSAGE
      : `Reading the inventory failed (HTTP ${response.status}).`,
  );
}

/**
 * Every certificate set of every connection from the inventory, rendered on the server first and
 * refetched here (on refocus too) from the database only: no vendor is called by looking.
 */
export function CertificateList({
  initial,
  filter,
  late = false,
}: {
  initial: CertificateListData;
  filter: CertificateListFilter;
  /** The server gave up waiting for the inventory: `initial` is empty, read it again at once. */
  late?: boolean;
}) {
  const query = useQuery({
    queryKey: CERTIFICATE_LIST_QUERY_KEY,
    queryFn: fetchList,
    // An ended session does not come back by asking again.
    retry: (failures, error) => !isSessionEnded(error) && failures < 1,
    initialData: initial,
    initialDataUpdatedAt: late ? 0 : undefined,
    staleTime: 60_000,
    refetchInterval: (q) => ((q.state.data?.neverRead.length ?? 0) > 0 ? FIRST_READ_POLL_MS : false),
  });
  const list = query.data;
  // Statuses are computed at the time of the read, on the server and in the browser alike.
  const at = new Date(list.readAt);
  const entries = filterCertificateSets(list.entries, filter, at);

  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {entries.length} of {list.entries.length} set{list.entries.length === 1 ? "" : "s"}
        {late && query.isFetching ? " · still waiting for the inventory…" : ""}
      </p>
      {query.error ? (
        isSessionEnded(query.error) ? (
          <SessionEndedNotice show />
        ) : (
          <Alert tone="error">{query.error.message}</Alert>
        )
      ) : null}
      {entries.length === 0 ? (
        <Alert>
          {list.entries.length > 0
            ? "No set matches these filters."
            : list.neverRead.length > 0
              ? "Not read yet: the first read of the connections is under way."
              : "No certificate sets yet: add a connection, or check the connections' errors above."}
        </Alert>
      ) : (
        <VirtualSetList entries={entries} at={at} label="Certificate sets" />
      )}
    </div>
  );
}
