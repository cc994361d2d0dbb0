import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { DeliveryView } from "@/lib/inventory/alerts/types";
import { formatUtcDateTime } from "@/lib/time/format";

const STATUS = {
  delivered: { tone: "ok", label: "Delivered" },
  pending: { tone: "warning", label: "Retrying" },
  failed: { tone: "danger", label: "Failed" },
} as const;

/** Every webhook delivery with attempts, the receiver's answer and the next retry. */
export function DeliveriesTable({ deliveries }: { deliveries: DeliveryView[] }) {
  return (
    <section aria-labelledby="deliveries" className="space-y-3">
      <h2 id="deliveries" className="text-lg font-semibold">
        Webhook deliveries
      </h2>
      {deliveries.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No webhook deliveries yet.</p>
      ) : (
        <Table caption="Webhook deliveries, newest first">
          <thead>
            <tr>
              <Th>Alert</Th>
              <Th>Rule</Th>
              <Th>Status</Th>
              <Th>Attempts</Th>
              <Th>Last answer</Th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id}>
                <Td>
                  {d.title} {d.test ? <Badge>Test</Badge> : null}
                </Td>
                <Td>{d.ruleName}</Td>
                <Td>
                  <Badge tone={STATUS[d.status].tone}>{STATUS[d.status].label}</Badge>
                  {d.status === "pending" && d.nextAttemptAt ? (
                    <span className="block text-xs text-zinc-500">
                      next try {formatUtcDateTime(d.nextAttemptAt)}
                    </span>
                  ) : null}
                </Td>
                <Td>{d.attempts}</Td>
                <Td className="text-xs">
                  {d.lastError ?? (d.responseStatus ? `HTTP ${d.responseStatus}` : "—")}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
