import Link from "next/link";
import { VisibleText } from "@/components/ui/visible-text";
import { shortThumbprint } from "@/lib/certificates/consequence";
import type { CertificateSetEntry } from "@/lib/certificates/list";
import { slotDaysLeft, slotStatus } from "@/lib/certificates/status";
import { formatUtcDate } from "@/lib/time/format";
import { VENDOR_LABELS } from "@/lib/vendors/labels";
import { EmptySetNotice } from "./empty-set-notice";
import { StatusBadge } from "./status-badge";

function daysText(days: number | null): string {
  if (days === null) return "";
  if (days < 0) return `expired ${-days} day${days === -1 ? "" : "s"} ago`;
  return `${days} day${days === 1 ? "" : "s"} left`;
}

/** The columns of a set row; the list's header uses the same grid. */
export const SET_ROW_GRID = "grid gap-x-4 gap-y-2 md:grid-cols-[minmax(0,1fr)_11rem_minmax(0,2fr)]";

/** One certificate set of the list: its name (to its page), where it lives, and each slot's status. */
export function SetRow({ entry: { set, connection }, at }: { entry: CertificateSetEntry; at: Date }) {
  return (
    <div className={`${SET_ROW_GRID} px-3 py-2 text-sm`}>
      <div className="min-w-0 break-words">
        <Link
          href={`/certificates/${connection.id}/${encodeURIComponent(set.id)}`}
          className="font-medium text-sky-700 underline dark:text-sky-400"
        >
          <VisibleText text={set.label} />
        </Link>
      </div>
      <div className="min-w-0">
        <span className="block">{VENDOR_LABELS[set.vendor]}</span>
        <span className="text-xs text-zinc-500">
          <VisibleText text={connection.name} />
        </span>
      </div>
      {set.empty ? (
        <EmptySetNotice vendor={set.vendor} kind={set.kind} signInFails={set.empty.signInFails} compact />
      ) : (
        <ul className="min-w-0 space-y-1.5" aria-label="Slots">
          {set.slots.map((slot) => (
            <li
              key={slot.vendorId ?? slot.slot}
              className="grid grid-cols-[7rem_7rem_minmax(0,1fr)] items-start gap-2 text-xs"
            >
              <span className="font-medium">
                {slot.slot.length > 12 ? "certificate" : slot.slot}
                {slot.state ? <span className="block text-zinc-500">{slot.state}</span> : null}
              </span>
              <StatusBadge status={slotStatus(slot, at, set)} />
              {slot.certificate ? (
                <span className="min-w-0 break-words">
                  <span className="block">
                    <VisibleText text={slot.certificate.commonName ?? slot.certificate.subject} />
                  </span>
                  <span className="block font-mono text-zinc-500">
                    SHA-256 {shortThumbprint(slot.certificate.sha256)}
                  </span>
                  <span className="block text-zinc-500">
                    until {formatUtcDate(slot.certificate.notAfter)} · {daysText(slotDaysLeft(slot, at))}
                  </span>
                </span>
              ) : (
                <span className="text-zinc-500">{slot.parseError ?? "empty"}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
