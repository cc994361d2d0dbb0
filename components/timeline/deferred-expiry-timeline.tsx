"use client";

import { lazy, Suspense } from "react";
import type { ExpiryTimelineProps } from "./expiry-timeline";

// The timeline's code (virtualised lanes, pan and zoom) is not part of the Overview's first load:
// the server renders it in full, and the browser makes it interactive once its chunk arrives.
const ExpiryTimeline = lazy(() => import("./expiry-timeline").then((m) => ({ default: m.ExpiryTimeline })));

/** The expiry timeline, its code loaded after the page's first JavaScript (see above). */
export function DeferredExpiryTimeline(props: ExpiryTimelineProps) {
  return (
    <Suspense fallback={<div className="h-[30rem]" aria-busy="true" data-testid="expiry-timeline-loading" />}>
      <ExpiryTimeline {...props} />
    </Suspense>
  );
}
