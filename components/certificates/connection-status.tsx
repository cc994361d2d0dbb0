"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConnectionFreshness } from "@/components/inventory/connection-freshness";
import { VisibleText } from "@/components/ui/visible-text";
import { readResult } from "@/lib/auth/action-result";
import type { InventoryConnection } from "@/lib/inventory/types";
import { CERTIFICATE_LIST_QUERY_KEY } from "./certificate-list";

/** While a connection's first read is under way, look at its freshness this often (the database only). */
const FIRST_READ_POLL_MS = 3_000;

async function fetchFreshness(): Promise<InventoryConnection[]> {
  const result = await readResult<{ connections: InventoryConnection[] }>(
    await fetch("/api/inventory/refresh", { headers: { Accept: "application/json" } }).catch(() => null),
  );
  if (!result.ok) throw new Error(result.message);
  return result.data.connections;
}

/**
 * One connection's card above the certificate list: how fresh its sets are, its last error, and
 * "Refresh this connection", after which the list reads the inventory again.
 */
export function ConnectionStatus({ initial }: { initial: InventoryConnection }) {
  const queryClient = useQueryClient();
  const [refreshed, setRefreshed] = useState(initial);
  const polled = useQuery({
    queryKey: ["inventory-freshness"],
    queryFn: fetchFreshness,
    enabled: !refreshed.lastAttemptAt,
    refetchInterval: FIRST_READ_POLL_MS,
  });
  const connection = refreshed.lastAttemptAt
    ? refreshed
    : (polled.data?.find((c) => c.id === refreshed.id) ?? refreshed);
  return (
    <section
      aria-labelledby={`connection-${connection.id}`}
      className="space-y-1 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
      data-testid={`connection-status-${connection.name}`}
    >
      <h2 id={`connection-${connection.id}`} className="font-semibold break-words">
        <VisibleText text={connection.name} />
      </h2>
      <ConnectionFreshness
        connection={connection}
        onRefreshed={async (fresh) => {
          if (fresh) setRefreshed(fresh);
          await queryClient.invalidateQueries({ queryKey: CERTIFICATE_LIST_QUERY_KEY });
        }}
      />
    </section>
  );
}
