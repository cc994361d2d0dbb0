"use client";

import { startTransition, useEffect, useState } from "react";
import type { TimelineFirstScreen } from "@/lib/timeline/first-screen";
import type { TimelineCertificate } from "@/lib/timeline/types";
import { readResultOnDemand } from "@/components/shell/read-result";
import { DeferredExpiryTimeline } from "./deferred-expiry-timeline";

/** What was read for the server render of `now`: every certificate, or why not. */
type Loaded = { now: string; certificates: TimelineCertificate[] } | { now: string; error: string };

async function fetchTimeline(): Promise<TimelineCertificate[]> {
  const response = await fetch("/api/timeline", { headers: { Accept: "application/json" } });
  const result = await readResultOnDemand<{ certificates: TimelineCertificate[] }>(response);
  if (!result.ok) throw new Error(result.message);
  return result.data.certificates;
}

/**
 * The expiry timeline as the page hands it over: its first screen (whole lanes, every group's
 * counts), then every certificate from /api/timeline once the page is loaded, in a transition so
 * the swap is no long task. The same timeline stays mounted, so its window and collapsed groups
 * carry over. A new server render (`now` changes) reads again.
 */
export function TimelineLoader({
  first,
  now,
  vendorLabels,
}: {
  first: TimelineFirstScreen;
  /** ISO 8601: the instant statuses are computed at, given by the server so both sides agree. */
  now: string;
  vendorLabels: Record<string, string>;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const { complete } = first;
  useEffect(() => {
    if (complete) return;
    let current = true;
    fetchTimeline().then(
      (certificates) => current && startTransition(() => setLoaded({ now, certificates })),
      (error: unknown) =>
        current && setLoaded({ now, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [complete, now]);

  const mine = loaded?.now === now ? loaded : null;
  const all = complete ? first.certificates : mine && "certificates" in mine ? mine.certificates : null;
  const failure = mine && "error" in mine ? mine.error : null;
  // After a new server render (an acknowledged drift), the last full list stays until the new one
  // is read: the timeline does not shrink to its first screen and lose its scroll position.
  const earlier = !all && loaded && "certificates" in loaded ? loaded.certificates : null;
  // Says whether every certificate of this render is drawn (tests wait on it), or the read failed.
  const state = all ? "live" : failure ? "failed" : "server";
  return (
    <div data-timeline={state}>
      {failure ? (
        <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400">
          Only the timeline&apos;s first lanes are shown: the rest could not be read ({failure}). Reload the
          page to try again.
        </p>
      ) : null}
      <DeferredExpiryTimeline
        certificates={all ?? earlier ?? first.certificates}
        groupCounts={(all ?? earlier) ? undefined : first.counts}
        now={now}
        vendorLabels={vendorLabels}
      />
    </div>
  );
}
