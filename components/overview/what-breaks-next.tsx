import Link from "next/link";
import { daysLeftText, isoDay } from "@/components/timeline/describe-bar";
import type { SetAtRisk, WhatBreaksNext } from "@/lib/timeline/summary";

function SetLine({
  item,
  now,
  vendorLabel,
}: {
  item: SetAtRisk;
  now: Date;
  vendorLabel: (v: string) => string;
}) {
  const { cert, breaks } = item;
  return (
    <li data-testid="breaks-row" className="text-sm">
      <Link
        href={cert.setHref}
        prefetch={false}
        className="font-medium text-sky-700 underline dark:text-sky-400"
      >
        {cert.setLabel}
      </Link>{" "}
      <span className="text-zinc-600 dark:text-zinc-400">
        ({vendorLabel(cert.vendor)} · {cert.connectionName})
      </span>
      {" — "}
      <span className="tabular-nums">
        {isoDay(breaks.at)}, {daysLeftText(breaks.at, now)}
      </span>
      <span className="block text-xs text-zinc-600 dark:text-zinc-400">{breaks.reason}</span>
    </li>
  );
}

function Bucket({
  title,
  items,
  testId,
  tone,
  now,
  vendorLabel,
}: {
  title: string;
  items: SetAtRisk[];
  testId: string;
  tone: string;
  now: Date;
  vendorLabel: (v: string) => string;
}) {
  return (
    <div
      data-testid={testId}
      className={`rounded-lg border p-3 ${items.length > 0 ? tone : "border-zinc-200 dark:border-zinc-800"}`}
    >
      <p className="text-sm font-medium">
        {title}:{" "}
        <span data-testid={`${testId}-count`} className="text-lg font-semibold tabular-nums">
          {items.length}
        </span>{" "}
        {items.length === 1 ? "set" : "sets"}
      </p>
      {items.length > 0 ? (
        <ul className="mt-2 space-y-1.5">
          {items.slice(0, 5).map((item) => (
            <SetLine key={item.cert.key} item={item} now={now} vendorLabel={vendorLabel} />
          ))}
          {items.length > 5 ? (
            <li className="text-xs text-zinc-600 dark:text-zinc-400">and {items.length - 5} more</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}

/** The headline's buckets, most urgent first. */
const BUCKETS = [
  {
    title: "Sign-in fails now",
    items: "outages",
    testId: "breaks-outage",
    tone: "border-red-600 bg-red-50 dark:bg-red-950",
  },
  {
    title: "Breaks within 7 days",
    items: "within7",
    testId: "breaks-within-7",
    tone: "border-orange-500 bg-orange-50 dark:bg-orange-950",
  },
  {
    title: "Within 30 days",
    items: "within30",
    testId: "breaks-within-30",
    tone: "border-amber-500 bg-amber-50 dark:bg-amber-950",
  },
  {
    title: "Within 60 days",
    items: "within60",
    testId: "breaks-within-60",
    tone: "border-sky-500 bg-sky-50 dark:bg-sky-950",
  },
] as const;

/**
 * The Overview's headline: what breaks next. Outages now, then the sets whose sign-in breaks
 * within 7, 30 and 60 days, the next such date, and housekeeping counted apart.
 */
export function WhatBreaksNextHeadline({
  summary,
  now,
  vendorLabel,
}: {
  summary: WhatBreaksNext;
  now: Date;
  vendorLabel: (vendor: string) => string;
}) {
  const { outages, next, housekeeping } = summary;
  return (
    <div data-testid="what-breaks-next" className="space-y-3">
      <p data-testid="next-break" className="text-sm text-zinc-800 dark:text-zinc-200">
        {outages.length > 0
          ? `Sign-in fails now at ${outages.length} ${outages.length === 1 ? "set" : "sets"}. `
          : "No sign-in is failing because of a certificate. "}
        {next
          ? `Next, sign-in can break on ${isoDay(next.breaks.at)} (${daysLeftText(next.breaks.at, now)}) at ${next.cert.setLabel}.`
          : "Nothing sign-in depends on expires in the future."}
      </p>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
        {BUCKETS.map((bucket) => (
          <Bucket
            key={bucket.testId}
            title={bucket.title}
            items={summary[bucket.items]}
            testId={bucket.testId}
            tone={bucket.tone}
            now={now}
            vendorLabel={vendorLabel}
          />
        ))}
      </div>
      <p data-testid="housekeeping" className="text-sm text-zinc-600 dark:text-zinc-400">
        Housekeeping:{" "}
        <span data-testid="housekeeping-count" className="font-semibold tabular-nums">
          {housekeeping}
        </span>{" "}
        {housekeeping === 1 ? "certificate" : "certificates"} that nothing depends on (standby, previous,
        inactive or marked expired by the vendor) {housekeeping === 1 ? "has" : "have"} expired or expire
        within 60 days. Remove {housekeeping === 1 ? "it" : "them"} when convenient: sign-in does not change.
      </p>
      {summary.emptySets > 0 ? (
        <p data-testid="empty-sets" className="text-sm text-zinc-600 dark:text-zinc-400">
          No certificate installed:{" "}
          <span data-testid="empty-sets-count" className="font-semibold tabular-nums">
            {summary.emptySets}
          </span>{" "}
          {summary.emptySets === 1 ? "set holds" : "sets hold"} no certificate (
          <Link
            href="/certificates?status=empty"
            prefetch={false}
            className="text-sky-700 underline dark:text-sky-400"
          >
            upload one
          </Link>
          ). An empty slot is not an error; only an external IdP in use with no certificate makes sign-in
          fail, and it is counted above.
        </p>
      ) : null}
    </div>
  );
}
