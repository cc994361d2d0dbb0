"use client";

import { useCallback, useId, useMemo, useState } from "react";
import {
  ALL_COLLAPSED,
  ALL_EXPANDED,
  collapsedGroupIds,
  toggleGroup,
  type CollapseState,
} from "@/lib/timeline/collapse";
import {
  flattenRows,
  groupCertificates,
  navigableBars,
  type StatusCounts,
  type TimelineBar,
} from "@/lib/timeline/lanes";
import { withGroupCounts } from "@/lib/timeline/first-screen";
import { matchingPreset, type PresetId } from "@/lib/timeline/scale";
import type { TimelineCertificate } from "@/lib/timeline/types";
import { TimelineDetails } from "./timeline-details";
import { TimelineLegend } from "./timeline-legend";
import { TimelinePlot } from "./timeline-plot";
import { TimelineToolbar } from "./timeline-toolbar";
import { useTimelineView } from "./use-timeline-view";
import { formatUtcDate } from "@/lib/time/format";

export interface ExpiryTimelineProps {
  certificates: TimelineCertificate[];
  /** ISO 8601: the instant statuses are computed at, given by the server so both sides agree. */
  now: string;
  /** Display names of vendors, and their order; unknown vendors show their id, last. */
  vendorLabels?: Record<string, string>;
  initialPreset?: PresetId;
  /** Each group's counts over more certificates than `certificates` (the first screen's). */
  groupCounts?: Record<string, StatusCounts>;
}

/**
 * Every certificate on a time axis: one lane per set, grouped by vendor and connection
 * (collapsible), with a today line, the 7/30/60-day bands, zoom, pan, presets and a details panel
 * for the hovered or focused certificate. Knows nothing of the database: plain props only.
 */
export function ExpiryTimeline({
  certificates,
  now: nowIso,
  vendorLabels = {},
  initialPreset = "1y",
  groupCounts,
}: ExpiryTimelineProps) {
  const now = useMemo(() => new Date(nowIso), [nowIso]);
  const controls = useTimelineView(now, initialPreset);
  const [collapse, setCollapse] = useState<CollapseState>(ALL_EXPANDED);
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const helpId = useId();

  const vendorOrder = useMemo(() => Object.keys(vendorLabels), [vendorLabels]);
  const groups = useMemo(() => {
    const grouped = groupCertificates(certificates, now, vendorOrder);
    return groupCounts ? withGroupCounts(grouped, groupCounts) : grouped;
  }, [certificates, now, vendorOrder, groupCounts]);
  const rows = useMemo(() => flattenRows(groups, collapsedGroupIds(collapse, groups)), [groups, collapse]);
  const navigable = useMemo(() => navigableBars(rows), [rows]);
  const bars = useMemo(() => {
    const map = new Map<string, TimelineBar>();
    for (const group of groups)
      for (const connection of group.connections)
        for (const lane of connection.lanes) for (const bar of lane.bars) map.set(bar.cert.key, bar);
    return map;
  }, [groups]);
  const vendorLabel = useCallback((vendor: string) => vendorLabels[vendor] ?? vendor, [vendorLabels]);

  const onToggle = useCallback((id: string) => setCollapse((previous) => toggleGroup(previous, id)), []);

  const activeKey = hoverKey ?? focusKey;
  const shown = activeKey ? (bars.get(activeKey) ?? null) : null;

  return (
    <div className="space-y-3" data-testid="expiry-timeline">
      <TimelineToolbar
        controls={controls}
        activePreset={matchingPreset(controls.view, now)}
        onExpandAll={() => setCollapse(ALL_EXPANDED)}
        onCollapseAll={() => setCollapse(ALL_COLLAPSED)}
      />
      <p
        className="text-xs text-zinc-600 dark:text-zinc-400"
        aria-live="polite"
        data-testid="timeline-window"
      >
        Showing {formatUtcDate(new Date(controls.view.start))} to {formatUtcDate(new Date(controls.view.end))}
      </p>
      <TimelineDetails bar={shown} now={now} vendorLabel={vendorLabel} />
      <TimelinePlot
        rows={rows}
        navigable={navigable}
        bars={bars}
        now={now}
        controls={controls}
        focusKey={focusKey}
        activeKey={activeKey}
        helpId={helpId}
        vendorLabel={vendorLabel}
        onToggle={onToggle}
        onHover={setHoverKey}
        onFocusBar={setFocusKey}
      />
      <TimelineLegend helpId={helpId} />
    </div>
  );
}
