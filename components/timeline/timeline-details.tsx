import type { TimelineBar } from "@/lib/timeline/lanes";
import { daysLeftText, formatThumbprint, isoDay } from "./describe-bar";
import { STATUS_STYLES } from "./status-style";
import { StatusSwatch } from "./status-swatch";
import { VisibleText } from "@/components/ui/visible-text";

/**
 * The hovered or focused certificate, announced politely to screen readers. It keeps a fixed
 * height so that the timeline below never jumps while the pointer moves.
 */
export function TimelineDetails({
  bar,
  now,
  vendorLabel,
}: {
  bar: TimelineBar | null;
  now: Date;
  vendorLabel: (vendor: string) => string;
}) {
  return (
    <div
      aria-live="polite"
      aria-atomic="true"
      data-testid="timeline-details"
      className="min-h-[4.5rem] rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-xs dark:border-zinc-800 dark:bg-zinc-950"
    >
      {bar ? (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-0.5 sm:grid-cols-[auto_1fr_auto_1fr]">
          <dt className="text-zinc-600 dark:text-zinc-400">Certificate</dt>
          <dd className="truncate font-medium text-zinc-900 dark:text-zinc-100" title={bar.cert.subject}>
            <VisibleText text={bar.cert.subject} />
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Status</dt>
          <dd className="flex items-center gap-1.5">
            <StatusSwatch status={bar.status} />
            {STATUS_STYLES[bar.status].label} · {daysLeftText(bar.cert.notAfter, now)}
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Set</dt>
          <dd className="truncate">
            {bar.cert.setLabel} · {bar.cert.slot} — {vendorLabel(bar.cert.vendor)}, {bar.cert.connectionName}
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Valid</dt>
          <dd>
            {isoDay(bar.cert.notBefore)} → {isoDay(bar.cert.notAfter)}
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">SHA-256</dt>
          <dd className="font-mono break-all sm:col-span-3">{formatThumbprint(bar.cert.sha256)}</dd>
        </dl>
      ) : (
        <p className="text-zinc-600 dark:text-zinc-400">
          Point at a certificate, or focus the timeline and use ↑ ↓, to see it here. Enter or a click opens
          its set.
        </p>
      )}
    </div>
  );
}
