"use client";

import { ReadErrorAlert } from "@/components/ui/read-error-alert";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { readResult } from "@/lib/auth/action-result";
import { isSessionEnded, SESSION_ENDED_MESSAGE } from "@/lib/auth/session-ended";
import { SessionEndedNotice } from "@/components/shell/session-ended";
import { filterCertificateSets } from "@/lib/certificates/list";
import type { CertificateInventory } from "@/lib/certificates/types";
import type { CertificateListFilter } from "@/lib/certificates/schemas";
import { slotDaysLeft, slotStatus } from "@/lib/certificates/status";
import { VENDOR_LABELS } from "@/lib/vendors/descriptors";
import { shortThumbprint } from "@/lib/certificates/consequence";
import { formatUtcDate, formatUtcDateTime } from "@/lib/time/format";
import { StatusBadge } from "./status-badge";
import { VisibleText } from "@/components/ui/visible-text";

async function fetchInventory(): Promise<CertificateInventory> {
  const response = await fetch("/api/certificates", { headers: { Accept: "application/json" } });
  const result = await readResult<CertificateInventory>(response);
  if (result.ok) return result.data;
  throw new Error(
    isSessionEnded(result) ? SESSION_ENDED_MESSAGE : `Refreshing failed (HTTP ${response.status}).`,
  );
}

function daysText(days: number | null): string {
  if (days === null) return "";
  if (days < 0) return `expired ${-days} day${days === -1 ? "" : "s"} ago`;
  return `${days} day${days === 1 ? "" : "s"} left`;
}

/** Every certificate set of every connection, rendered on the server first, then refreshed here. */
export function CertificateList({
  initial,
  filter,
}: {
  initial: CertificateInventory;
  filter: CertificateListFilter;
}) {
  const query = useQuery({
    queryKey: ["certificates"],
    queryFn: fetchInventory,
    // An ended session does not come back by asking again.
    retry: (failures, error) => !isSessionEnded(error) && failures < 1,
    initialData: initial,
    staleTime: 60_000,
  });
  const inventory = query.data;
  // Statuses are computed at the time of the read, on the server and in the browser alike.
  const at = new Date(inventory.readAt);
  const entries = filterCertificateSets(inventory.entries, filter, at);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-zinc-600 dark:text-zinc-400">
        <p aria-live="polite">
          {entries.length} of {inventory.entries.length} set{inventory.entries.length === 1 ? "" : "s"} · read{" "}
          {formatUtcDateTime(inventory.readAt, { seconds: true })}
        </p>
        <Button variant="secondary" size="sm" onClick={() => query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? "Refreshing…" : "Refresh from vendors"}
        </Button>
      </div>
      {query.error ? (
        isSessionEnded(query.error) ? (
          <SessionEndedNotice show />
        ) : (
          <Alert tone="error">{query.error.message}</Alert>
        )
      ) : null}
      {inventory.failures.map((failure) => (
        <ReadErrorAlert
          key={failure.connection.id}
          title={`${failure.connection.name} (${VENDOR_LABELS[failure.connection.vendor]}) could not be read`}
          message={failure.error.userMessage}
          requestId={failure.error.requestId}
        />
      ))}
      {entries.length === 0 ? (
        <Alert>
          {inventory.entries.length === 0
            ? "No certificate sets yet: add a connection, or check the errors above."
            : "No set matches these filters."}
        </Alert>
      ) : (
        <Table caption="Certificate sets">
          <thead>
            <tr>
              <Th>Set</Th>
              <Th>Vendor · connection</Th>
              <Th>Slots</Th>
            </tr>
          </thead>
          <tbody>
            {entries.map(({ set, connection }) => (
              <tr key={`${connection.id}/${set.id}`} data-testid="certificate-set-row">
                <Td>
                  <Link
                    href={`/certificates/${connection.id}/${encodeURIComponent(set.id)}`}
                    className="font-medium text-sky-700 underline dark:text-sky-400"
                  >
                    <VisibleText text={set.label} />
                  </Link>
                </Td>
                <Td>
                  <span className="block">{VENDOR_LABELS[set.vendor]}</span>
                  <span className="text-xs text-zinc-500">
                    <VisibleText text={connection.name} />
                  </span>
                </Td>
                <Td>
                  <ul className="space-y-1.5">
                    {set.slots.map((slot) => (
                      <li
                        key={slot.vendorId ?? slot.slot}
                        className="grid grid-cols-[7rem_7rem_1fr] items-start gap-2 text-xs"
                      >
                        <span className="font-medium">
                          {slot.slot.length > 12 ? "certificate" : slot.slot}
                          {slot.state ? <span className="block text-zinc-500">{slot.state}</span> : null}
                        </span>
                        <StatusBadge status={slotStatus(slot, at, set)} />
                        {slot.certificate ? (
                          <span>
                            <span className="block">
                              <VisibleText text={slot.certificate.commonName ?? slot.certificate.subject} />
                            </span>
                            <span className="block font-mono text-zinc-500">
                              SHA-256 {shortThumbprint(slot.certificate.sha256)}
                            </span>
                            <span className="block text-zinc-500">
                              until {formatUtcDate(slot.certificate.notAfter)} ·{" "}
                              {daysText(slotDaysLeft(slot, at))}
                            </span>
                          </span>
                        ) : (
                          <span className="text-zinc-500">{slot.parseError ?? "empty"}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
