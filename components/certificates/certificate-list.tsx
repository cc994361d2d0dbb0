"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useInventoryChange } from "@/components/inventory/inventory-events";
import { SessionEndedNotice } from "@/components/shell/session-ended";
import { Alert } from "@/components/ui/alert";
import { readResult } from "@/lib/auth/action-result";
import { isSessionEnded, SESSION_ENDED_MESSAGE } from "@/lib/auth/session-ended";
import { filterCertificateSets } from "@/lib/certificates/list";
import type { CertificateListFilter } from "@/lib/certificates/schemas";
import type { CertificateList as CertificateListData } from "@/lib/certificates/types";
import { CertificateListView } from "./certificate-list-view";
import { STILL_WAITING_NOTE } from "./static-set-list";
import { VirtualSetList } from "./virtual-set-list";

/** The list's query: a connection refresh on the page invalidates it. */
export const CERTIFICATE_LIST_QUERY_KEY = ["certificate-list"] as const;
/** While a connection has never been read, look again this often for its first snapshot. */
const FIRST_READ_POLL_MS = 3_000;

/** The list from the inventory (never a vendor), as /api/certificates answers it. */
export async function fetchList(): Promise<CertificateListData> {
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
 * Every certificate set of every connection from the inventory, virtualised and refetched here
 * (on refocus too) from the database only: no vendor is called by looking. The server renders
 * the first screenful (StaticSetList); this list takes its place once loaded.
 */
export function CertificateList({
  initial,
  filter,
  late = false,
  initialOffset = 0,
}: {
  initial: CertificateListData;
  filter: CertificateListFilter;
  /** The server gave up waiting for the inventory: `initial` is empty, read it again at once. */
  late?: boolean;
  /** Where the server-rendered list was scrolled to when this one took its place. */
  initialOffset?: number;
}) {
  const queryClient = useQueryClient();
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
  useInventoryChange(() => queryClient.invalidateQueries({ queryKey: CERTIFICATE_LIST_QUERY_KEY }));
  const list = query.data;
  // Statuses are computed at the time of the read, on the server and in the browser alike.
  const at = new Date(list.readAt);
  const entries = filterCertificateSets(list.entries, filter, at);

  return (
    <CertificateListView
      list={list}
      shown={entries.length}
      note={late && query.isFetching ? STILL_WAITING_NOTE : ""}
      error={
        query.error ? (
          isSessionEnded(query.error) ? (
            <SessionEndedNotice show />
          ) : (
            <Alert tone="error">{query.error.message}</Alert>
          )
        ) : null
      }
    >
      <VirtualSetList entries={entries} at={at} label="Certificate sets" initialOffset={initialOffset} />
    </CertificateListView>
  );
}
