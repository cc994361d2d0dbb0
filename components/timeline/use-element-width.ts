"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * The content width of an element, kept current by a ResizeObserver: the timeline reads it once per
 * resize instead of measuring the DOM while zooming or panning.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback = 800): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(1, Math.round(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
