"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConnectionFreshness } from "@/components/inventory/connection-freshness";
import { VisibleText } from "@/components/ui/visible-text";
import type { InventoryConnection } from "@/lib/inventory/types";
import { CERTIFICATE_LIST_QUERY_KEY } from "./certificate-list";

/**
 * One connection's card above the certificate list: how fresh its sets are, its last error, and
 * "Refresh this connection", after which the list reads the inventory again.
 */
export function ConnectionStatus({ initial }: { initial: InventoryConnection }) {
  const queryClient = useQueryClient();
  const [connection, setConnection] = useState(initial);
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
          if (fresh) setConnection(fresh);
          await queryClient.invalidateQueries({ queryKey: CERTIFICATE_LIST_QUERY_KEY });
        }}
      />
    </section>
  );
}
