import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { DriftEvent } from "@/lib/inventory/types";
import { formatUtcDateTime } from "@/lib/time/format";
import { AcknowledgeDriftButton, type AcknowledgeDrift } from "./acknowledge-drift-button";

const KIND_LABELS: Record<DriftEvent["kind"], string> = {
  "external-change": "Changed outside Trustdeck",
  "reissued-different": "Re-issued with a different subject or key",
};

/**
 * Changes seen at vendors that Trustdeck did not make and nobody acknowledged yet, newest first,
 * in plain words. `acknowledge` is given to operators and admins only: viewers see no button.
 */
export function DriftList({
  events,
  limit = 8,
  acknowledge,
}: {
  events: DriftEvent[];
  limit?: number;
  acknowledge?: AcknowledgeDrift;
}) {
  if (events.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No drift: every certificate change seen at the vendors was made through Trustdeck, or was
        acknowledged.
      </p>
    );
  return (
    <ul className="space-y-2" data-testid="drift-list">
      {events.slice(0, limit).map((event) => (
        <li
          key={event.id}
          data-testid="drift-entry"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone="warning">{KIND_LABELS[event.kind]}</Badge>
            <time dateTime={event.detectedAt} className="text-xs text-zinc-600 dark:text-zinc-400">
              {formatUtcDateTime(event.detectedAt)}
            </time>
          </p>
          <p className="mt-1">{event.message}</p>
          <p className="mt-1 flex flex-wrap items-center justify-between gap-2">
            <Link
              href={event.setHref}
              prefetch={false}
              className="text-xs text-sky-700 underline dark:text-sky-400"
            >
              Open the set at {event.connectionName}
            </Link>
            {acknowledge ? (
              <AcknowledgeDriftButton
                driftId={event.id}
                label={`${KIND_LABELS[event.kind]} at ${event.connectionName}, detected ${formatUtcDateTime(event.detectedAt)}`}
                acknowledge={acknowledge}
              />
            ) : null}
          </p>
        </li>
      ))}
      {events.length > limit ? (
        <li className="text-xs text-zinc-600 dark:text-zinc-400">
          …and {events.length - limit} more in the audit log.
        </li>
      ) : null}
    </ul>
  );
}
