import { VisibleText } from "@/components/ui/visible-text";
import type { InventoryConnection } from "@/lib/inventory/types";
import { ConnectionStatusFreshness } from "./connection-status-freshness";

/**
 * One connection's card above the certificate list: its name (rendered on the server), how fresh
 * its sets are, its last error, and "Refresh this connection".
 */
export function ConnectionStatus({ initial }: { initial: InventoryConnection }) {
  return (
    <section
      aria-labelledby={`connection-${initial.id}`}
      className="space-y-1 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
      data-testid={`connection-status-${initial.name}`}
    >
      <h2 id={`connection-${initial.id}`} className="font-semibold break-words">
        <VisibleText text={initial.name} />
      </h2>
      <ConnectionStatusFreshness initial={initial} />
    </section>
  );
}
