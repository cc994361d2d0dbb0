"use client";

import { useEffect, useRef, type RefObject } from "react";
import { wheelAction } from "@/lib/timeline/input";
import { xToTime } from "@/lib/timeline/scale";
import type { TimeView } from "@/lib/timeline/types";
import type { TimelineViewControls } from "./use-timeline-view";

/**
 * Ctrl/⌘ + wheel zooms at the pointer, Shift + wheel or a horizontal wheel pans, a plain wheel
 * scrolls the lanes. A native listener, because React's wheel listeners are passive and could not
 * stop the page from zooming or scrolling.
 */
export function useWheel(
  containerRef: RefObject<HTMLElement | null>,
  plotRef: RefObject<HTMLElement | null>,
  view: TimeView,
  width: number,
  queueWheel: TimelineViewControls["queueWheel"],
) {
  const latest = useRef({ view, width });
  useEffect(() => {
    latest.current = { view, width };
  }, [view, width]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    function onWheel(event: WheelEvent) {
      const action = wheelAction(event);
      if (!action) return;
      event.preventDefault();
      const { view: current, width: plotWidth } = latest.current;
      if (action.type === "zoom") {
        // One read, no write before it in this task: this does not force a layout flush.
        const left = plotRef.current?.getBoundingClientRect().left ?? 0;
        const x = event.clientX - left;
        queueWheel({
          factor: action.factor,
          anchor: x >= 0 && x <= plotWidth ? xToTime(x, current, plotWidth) : undefined,
          width: plotWidth,
          view: current,
        });
      } else if (action.type === "pan-px") {
        queueWheel({ panPx: action.px, width: plotWidth, view: current });
      }
    }
    container.addEventListener("wheel", onWheel, { passive: false });
    return () => container.removeEventListener("wheel", onWheel);
  }, [containerRef, plotRef, queueWheel]);
}
