import { Alert } from "@/components/ui/alert";
import type { InventoryConnection } from "@/lib/inventory/types";

/** Connections whose last read failed: their certificates are shown as of their last success. */
export function StaleConnections({
  connections,
  vendorLabel,
}: {
  connections: InventoryConnection[];
  vendorLabel: (vendor: string) => string;
}) {
  const stale = connections.filter((c) => c.stale);
  if (stale.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Every connection was read successfully at its last refresh.
      </p>
    );
  return (
    <ul className="space-y-2" data-testid="stale-connections">
      {stale.map((c) => (
        <li key={c.id}>
          <Alert tone="warning" title={`Stale: ${c.name} (${vendorLabel(c.vendor)})`}>
            {c.lastSuccessAt
              ? `Certificates as of the last successful read, ${c.lastSuccessAt.slice(0, 16).replace("T", " ")} UTC.`
              : "Never read successfully: none of its certificates are shown."}
            {c.lastError ? <span className="block text-xs">Last error: {c.lastError}</span> : null}
          </Alert>
        </li>
      ))}
    </ul>
  );
}
