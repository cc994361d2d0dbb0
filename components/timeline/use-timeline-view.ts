"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  centreOn,
  panByFraction,
  panView,
  pixelsToMs,
  presetView,
  zoomView,
  type PresetId,
} from "@/lib/timeline/scale";
import type { TimeView } from "@/lib/timeline/types";

/** The visible window and the operations on it; wheel zooms are batched into one update per frame. */
export function useTimelineView(now: Date, initial: PresetId = "1y") {
  const [view, setView] = useState<TimeView>(() => presetView(initial, now));
  const pending = useRef<{ factor: number; anchor: number | undefined; panMs: number } | null>(null);
  const frame = useRef<number | null>(null);

  const zoom = useCallback(
    (factor: number, anchor?: number) => setView((v) => zoomView(v, factor, anchor)),
    [],
  );
  const pan = useCallback((fraction: number) => setView((v) => panByFraction(v, fraction)), []);
  const panMs = useCallback((ms: number) => setView((v) => panView(v, ms)), []);
  const preset = useCallback((id: PresetId) => setView(presetView(id, now)), [now]);
  const today = useCallback(() => setView((v) => centreOn(v, now.getTime())), [now]);
  const show = useCallback(
    (time: number) => setView((v) => (time < v.start || time > v.end ? centreOn(v, time) : v)),
    [],
  );

  /** Queue a wheel step; all steps of one animation frame become one state update. */
  const queueWheel = useCallback(
    (step: { factor?: number; anchor?: number; panPx?: number; width: number; view: TimeView }) => {
      const acc = (pending.current ??= { factor: 1, anchor: undefined, panMs: 0 });
      if (step.factor) {
        acc.factor *= step.factor;
        acc.anchor = step.anchor;
      }
      if (step.panPx) acc.panMs += pixelsToMs(step.panPx, step.view, step.width);
      if (frame.current !== null) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = null;
        const batch = pending.current;
        pending.current = null;
        if (batch)
          setView((v) =>
            zoomView(
              panView(v, batch.panMs),
              batch.factor,
              batch.anchor === undefined ? undefined : batch.anchor + batch.panMs,
            ),
          );
      });
    },
    [],
  );

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  return { view, setView, zoom, pan, panMs, preset, today, show, queueWheel };
}

/** The operations `useTimelineView` returns. */
export type TimelineViewControls = ReturnType<typeof useTimelineView>;
