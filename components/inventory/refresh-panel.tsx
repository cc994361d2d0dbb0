"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/relative-time";
import { readResultOnDemand } from "@/components/shell/read-result";
import { useSessionEnded } from "@/components/shell/session-ended";
import { VENDOR_LABELS } from "@/lib/vendors/labels";
import type { InventoryConnection } from "@/lib/inventory/types";

type Run = {
  id: string;
  total: number;
  done: number;
  finishedAt: string | null;
  failures: { connectionId: string; name: string; vendor: string; message: string }[];
};
type Progress = { run: Run | null; connections: InventoryConnection[] };

const POLL_MS = 1000;

/**
 * "Refresh all" with live progress (polls the progress route while a run is going), failures
 * with their reasons, and each connection's freshness: a stale connection keeps its previous
 * snapshot and says when it last succeeded.
 */
export function InventoryRefreshPanel({
  initial,
  canRefresh,
}: {
  initial: InventoryConnection[];
  canRefresh: boolean;
}) {
  const router = useRouter();
  const reportSessionEnded = useSessionEnded();
  const [connections, setConnections] = useState(initial);
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = Boolean(run && !run.finishedAt);

  useEffect(() => {
    if (!run || run.finishedAt) return;
    const timer = setTimeout(async () => {
      const response = await fetch(`/api/inventory/refresh?run=${run.id}`, { cache: "no-store" }).catch(
        () => null,
      );
      const result = await readResultOnDemand<Progress>(response);
      if (reportSessionEnded(result)) return;
      if (!result.ok) return setError("Lost track of the refresh; reload the page to see its result.");
      const progress = result.data;
      setConnections(progress.connections);
      if (progress.run) setRun(progress.run);
      if (progress.run?.finishedAt) router.refresh();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [run, router, reportSessionEnded]);

  const start = async () => {
    setError(null);
    const response = await fetch("/api/inventory/refresh", { method: "POST" }).catch(() => null);
    const result = await readResultOnDemand<{ runId: string; joined: boolean }>(response);
    if (reportSessionEnded(result)) return;
    if (!result.ok) return setError(response ? result.message : "The refresh could not start.");
    setRun({ id: result.data.runId, total: connections.length, done: 0, finishedAt: null, failures: [] });
  };

  return (
    <section aria-labelledby="inventory-freshness" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="inventory-freshness" className="text-lg font-semibold">
          Inventory freshness
        </h2>
        {canRefresh ? (
          <Button onClick={start} disabled={running}>
            {running ? "Refreshing…" : "Refresh all"}
          </Button>
        ) : null}
      </div>
      {run ? (
        <div role="status" aria-live="polite" className="space-y-2" data-testid="refresh-progress">
          <p className="text-sm">
            {run.finishedAt ? "Refresh finished" : "Refreshing"}: {run.done} / {run.total} connections done
            {run.failures.length > 0 ? `, ${run.failures.length} failed` : ""}.
          </p>
          <progress
            className="h-2 w-full"
            max={Math.max(run.total, 1)}
            value={run.done}
            aria-label="Connections refreshed"
          />
          {run.failures.length > 0 ? (
            <ul className="space-y-1 text-sm" aria-label="Failures">
              {run.failures.map((f) => (
                <li key={f.connectionId}>
                  <strong>{f.name}</strong>: {f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Table caption="Connections and the time of their last successful read">
        <thead>
          <tr>
            <Th>Connection</Th>
            <Th>Vendor</Th>
            <Th>Snapshot</Th>
            <Th>Last successful read</Th>
          </tr>
        </thead>
        <tbody>
          {connections.map((c) => (
            <tr key={c.id} data-testid={`freshness-${c.name}`}>
              <Td className="font-medium">{c.name}</Td>
              <Td>{VENDOR_LABELS[c.vendor]}</Td>
              <Td>
                {c.stale ? (
                  <span className="space-y-1">
                    <Badge tone="warning">Stale</Badge>
                    {c.lastError ? (
                      <span className="block text-xs text-zinc-600 dark:text-zinc-400">{c.lastError}</span>
                    ) : null}
                  </span>
                ) : (
                  <Badge tone="ok">Current</Badge>
                )}
              </Td>
              <Td>{c.lastSuccessAt ? <TimeAgo at={c.lastSuccessAt} /> : "never"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
