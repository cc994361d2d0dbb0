"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFirstReadFreshness } from "@/components/inventory/first-read-freshness";
import { ConnectionFreshness } from "@/components/inventory/connection-freshness";
import { announceInventoryChange } from "@/components/inventory/inventory-events";
import type { InventoryConnection } from "@/lib/inventory/types";

/**
 * The interactive part of a connection's card above the certificate list: its freshness (polled
 * while its first read is under way) and "Refresh this connection", after which the list reads
 * the inventory again.
 */
export function ConnectionStatusFreshness({ initial }: { initial: InventoryConnection }) {
  const router = useRouter();
  const [refreshed, setRefreshed] = useState(initial);
  const connection = useFirstReadFreshness(refreshed);
  return (
    <ConnectionFreshness
      connection={connection}
      onRefreshed={async (fresh) => {
        if (fresh) setRefreshed(fresh);
        // The list reads the inventory again; before it is interactive, the page is rendered again.
        await (announceInventoryChange() ?? router.refresh());
      }}
    />
  );
}
