import { formatUtcDateTime } from "@/lib/time/format";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { AuditEventRow } from "@/lib/audit/query";
import { HIGH_SIGNAL_REASONS, highSignalReason } from "@/lib/audit/signal";
import { VisibleText } from "@/components/ui/visible-text";

const OUTCOME_TONE: Record<AuditEventRow["outcome"], BadgeTone> = {
  success: "ok",
  failure: "danger",
  denied: "warning",
  pending: "info",
};

/** Audit events, newest first; details are already stripped of secrets when stored. */
export function AuditTable({ rows }: { rows: AuditEventRow[] }) {
  return (
    <Table caption="Audit events">
      <thead>
        <tr>
          <Th>Time (UTC)</Th>
          <Th>Actor</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Outcome</Th>
          <Th>Details</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="audit-row">
            <Td className="font-mono text-xs whitespace-nowrap">
              {formatUtcDateTime(row.occurredAt, { seconds: true })}
            </Td>
            <Td>
              <VisibleText text={row.actorName} />
              {row.actorRole ? <span className="block text-xs text-zinc-500">{row.actorRole}</span> : null}
              {row.sourceIp ? <span className="block text-xs text-zinc-500">{row.sourceIp}</span> : null}
            </Td>
            <Td className="font-mono text-xs">{row.action}</Td>
            <Td>
              <VisibleText text={row.targetLabel ?? row.targetId ?? "—"} />
              {row.targetType ? <span className="block text-xs text-zinc-500">{row.targetType}</span> : null}
            </Td>
            <Td>
              <Badge tone={OUTCOME_TONE[row.outcome]}>{row.outcome}</Badge>
              <HighSignalBadge details={row.details} />
            </Td>
            <Td className="max-w-md">
              {row.vendorRequestId ? (
                <span className="block text-xs">request id {row.vendorRequestId}</span>
              ) : null}
              {row.details ? (
                <details>
                  <summary className="cursor-pointer text-xs text-sky-700 dark:text-sky-400">Show</summary>
                  <pre className="mt-1 max-h-64 overflow-auto rounded bg-zinc-100 p-2 text-xs whitespace-pre-wrap dark:bg-zinc-800">
                    <VisibleText text={JSON.stringify(row.details, null, 2)} />
                  </pre>
                </details>
              ) : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The mark of an event that widens access (see lib/audit/signal.ts), with its reason on hover. */
function HighSignalBadge({ details }: { details: unknown }) {
  const reason = highSignalReason(details);
  if (!reason) return null;
  return (
    <Badge tone="danger" className="mt-1">
      <span title={HIGH_SIGNAL_REASONS[reason]} data-testid="audit-high-signal">
        high-signal
      </span>
    </Badge>
  );
}
