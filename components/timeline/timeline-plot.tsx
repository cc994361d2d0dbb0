"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { NavigableBar, TimelineBar, TimelineRow } from "@/lib/timeline/lanes";
import { rowHeight } from "@/lib/timeline/lanes";
import { generateTicks } from "@/lib/timeline/ticks";
import { barDomId } from "./timeline-bar";
import { TimelineAxis } from "./timeline-axis";
import { TimelineBands } from "./timeline-bands";
import { TimelineRowView } from "./timeline-row";
import { useDragPan } from "./use-drag-pan";
import { useElementWidth } from "./use-element-width";
import { useTimelineKeys } from "./use-timeline-keys";
import type { TimelineViewControls } from "./use-timeline-view";
import { useWheel } from "./use-wheel";
import { LABEL_COLUMN } from "./pan-layer";

interface Props {
  rows: TimelineRow[];
  navigable: NavigableBar[];
  bars: ReadonlyMap<string, TimelineBar>;
  now: Date;
  controls: TimelineViewControls;
  focusKey: string | null;
  activeKey: string | null;
  helpId: string;
  vendorLabel: (vendor: string) => string;
  onToggle: (groupId: string) => void;
  onHover: (key: string | null) => void;
  onFocusBar: (key: string) => void;
}

/**
 * The scrolling plot: a sticky axis, the bands, and only the lanes in (or near) the viewport.
 * Row heights come from the data, so the virtualiser never measures; bars are placed from the scale.
 */
export function TimelinePlot({
  rows,
  navigable,
  bars,
  now,
  controls,
  focusKey,
  activeKey,
  helpId,
  vendorLabel,
  onToggle,
  onHover,
  onFocusBar,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(plotRef);
  const { view } = controls;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are read during render on purpose
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => rowHeight(rows[index]!),
    getItemKey: (index) => rows[index]!.id,
    overscan: 6,
  });

  const pendingFocus = useRef<string | null>(null);
  // After ↑/↓ the lane may only exist once the virtualiser has scrolled: try after every render.
  useEffect(() => {
    if (!pendingFocus.current) return;
    const element = document.getElementById(barDomId(pendingFocus.current));
    if (element) {
      element.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const goTo = useCallback(
    (target: NavigableBar) => {
      pendingFocus.current = target.key;
      onFocusBar(target.key);
      virtualizer.scrollToIndex(target.rowIndex, { align: "auto" });
    },
    [virtualizer, onFocusBar],
  );

  const onKeyDown = useTimelineKeys({ controls, navigable, bars, focusKey, goTo });
  const drag = useDragPan(scrollRef, view, width, controls.panMs);
  useWheel(scrollRef, plotRef, view, width, controls.queueWheel);
  const ticks = useMemo(() => generateTicks(view, width), [view, width]);
  const tabbableKey = focusKey && bars.has(focusKey) ? focusKey : (navigable[0]?.key ?? null);

  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label="Expiry timeline: one lane per certificate set"
      aria-describedby={helpId}
      tabIndex={0}
      data-testid="timeline-plot"
      onKeyDown={onKeyDown}
      {...drag}
      className="relative h-[26rem] cursor-grab touch-pan-y overflow-y-auto rounded-md border border-zinc-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 active:cursor-grabbing dark:border-zinc-800 dark:bg-zinc-900"
    >
      <TimelineAxis ticks={ticks} view={view} width={width} now={now} plotRef={plotRef} />
      {/* Zero height and sticky: the bands stay in the viewport without pushing the lanes down. */}
      <div className="sticky top-10 flex h-0">
        <div className={`${LABEL_COLUMN} shrink-0`} />
        <div className="relative flex-1">
          <TimelineBands ticks={ticks} view={view} width={width} now={now} />
        </div>
      </div>
      <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            className="absolute inset-x-0 top-0"
            style={{ height: item.size, transform: `translateY(${item.start}px)` }}
          >
            <TimelineRowView
              row={rows[item.index]!}
              view={view}
              width={width}
              now={now}
              tabbableKey={tabbableKey}
              activeKey={activeKey}
              vendorLabel={vendorLabel}
              onToggle={onToggle}
              onHover={onHover}
              onFocusBar={onFocusBar}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
