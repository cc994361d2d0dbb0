"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ReadErrorAlert } from "@/components/ui/read-error-alert";
import { TimeAgo } from "@/components/ui/relative-time";
import { readResultOnDemand } from "@/components/shell/read-result";
import { useSessionEnded } from "@/components/shell/session-ended";
import type { InventoryConnection } from "@/lib/inventory/types";
import { VENDOR_LABELS } from "@/lib/vendors/labels";

async function refreshConnection(id: string) {
  const response = await fetch(`/api/inventory/refresh/${id}`, { method: "POST" }).catch(() => null);
  return { response, result: await readResultOnDemand<{ connection: InventoryConnection | null }>(response) };
}

/**
 * How fresh a connection's part of the inventory is ("read 4 minutes ago"), why its last read
 * failed, and "Refresh this connection", which reads that one connection again (on the server,
 * one at a time, within the vendor account's rate budget) and then calls `onRefreshed` (by
 * default: render the page again from the inventory).
 */
export function ConnectionFreshness({
  connection,
  onRefreshed,
}: {
  connection: InventoryConnection;
  /** Called with the connection's new freshness (null when it is gone). */
  onRefreshed?: (connection: InventoryConnection | null) => Promise<unknown>;
}) {
  const router = useRouter();
  const reportSessionEnded = useSessionEnded();
  const [error, setError] = useState<string | null>(null);
  // A one-off POST with nothing to cache: a transition keeps the button pending until the
  // refreshed view is in, without React Query in this page's first load.
  const [pending, startRefresh] = useTransition();
  const refresh = () =>
    startRefresh(async () => {
      const { response, result } = await refreshConnection(connection.id);
      if (reportSessionEnded(result)) return;
      setError(result.ok ? null : response ? result.message : "The refresh could not be sent.");
      if (onRefreshed) await onRefreshed(result.ok ? result.data.connection : null);
      else router.refresh();
    });
  const vendor = VENDOR_LABELS[connection.vendor];
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-zinc-600 dark:text-zinc-400">
        <p data-testid="connection-freshness">
          {vendor} ·{" "}
          {connection.lastSuccessAt ? (
            <>
              read <TimeAgo at={connection.lastSuccessAt} />
            </>
          ) : connection.lastAttemptAt ? (
            "never read successfully"
          ) : (
            "not read yet"
          )}
        </p>
        <Button
          variant="secondary"
          size="sm"
          onClick={refresh}
          disabled={pending}
          aria-describedby={`connection-${connection.id}`}
        >
          {pending ? "Refreshing…" : "Refresh this connection"}
        </Button>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {connection.lastError ? (
        <ReadErrorAlert
          title={`${connection.name} (${vendor}) could not be read`}
          message={
            connection.lastSuccessAt
              ? `${connection.lastError} What is shown is the last successful read.`
              : connection.lastError
          }
        />
      ) : null}
    </div>
  );
}
