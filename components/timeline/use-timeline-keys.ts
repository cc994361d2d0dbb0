"use client";

import { useMemo, type KeyboardEvent } from "react";
import { keyAction } from "@/lib/timeline/input";
import type { NavigableBar, TimelineBar } from "@/lib/timeline/lanes";
import type { TimelineViewControls } from "./use-timeline-view";

interface Options {
  controls: TimelineViewControls;
  navigable: readonly NavigableBar[];
  bars: ReadonlyMap<string, TimelineBar>;
  focusKey: string | null;
  /** Scroll the lane into view and focus the bar once it is rendered. */
  goTo: (target: NavigableBar) => void;
}

/** The keyboard of the timeline (see `KEY_HELP`): handled on the scroll container, so keys work from any bar in it. */
export function useTimelineKeys({ controls, navigable, bars, focusKey, goTo }: Options) {
  const indexOf = useMemo(() => new Map(navigable.map((bar, i) => [bar.key, i])), [navigable]);

  return function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const action = keyAction(event);
    if (!action) return;
    event.preventDefault();
    switch (action.type) {
      case "zoom": {
        // Zoom around the focused certificate's end when it is in the window, else the centre.
        const bar = focusKey ? bars.get(focusKey) : undefined;
        controls.zoom(
          action.factor,
          bar && bar.end >= controls.view.start && bar.end <= controls.view.end ? bar.end : undefined,
        );
        return;
      }
      case "pan":
        return controls.pan(action.fraction);
      case "pan-px":
        return;
      case "today":
        return controls.today();
      case "preset":
        return controls.preset(action.preset);
      case "move":
      case "first":
      case "last": {
        if (navigable.length === 0) return;
        const current = focusKey === null ? -1 : (indexOf.get(focusKey) ?? -1);
        const next =
          action.type === "first"
            ? 0
            : action.type === "last"
              ? navigable.length - 1
              : current === -1
                ? 0
                : Math.min(navigable.length - 1, Math.max(0, current + action.by));
        const target = navigable[next]!;
        const bar = bars.get(target.key);
        // Only a certificate wholly outside the window moves it (to its nearer end); one that
        // crosses the window is already visible, and jumping to its far end would lose today.
        if (bar && bar.end < controls.view.start) controls.show(bar.end);
        else if (bar && bar.start > controls.view.end) controls.show(bar.start);
        goTo(target);
      }
    }
  };
}
