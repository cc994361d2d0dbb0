"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFirstReadFreshness } from "@/components/inventory/first-read-freshness";
import { ConnectionFreshness } from "@/components/inventory/connection-freshness";
import { announceInventoryChange } from "@/components/inventory/inventory-events";
import { VisibleText } from "@/components/ui/visible-text";
import type { InventoryConnection } from "@/lib/inventory/types";

/**
 * One connection's card above the certificate list: how fresh its sets are, its last error, and
 * "Refresh this connection", after which the list reads the inventory again.
 */
export function ConnectionStatus({ initial }: { initial: InventoryConnection }) {
  const router = useRouter();
  const [refreshed, setRefreshed] = useState(initial);
  const connection = useFirstReadFreshness(refreshed);
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
          // The list reads the inventory again; before it is interactive, the page is rendered again.
          await (announceInventoryChange() ?? router.refresh());
        }}
      />
    </section>
  );
}
