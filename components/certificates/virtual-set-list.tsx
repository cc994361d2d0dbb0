"use client";

import { elementScroll, useVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import type { CertificateSetEntry } from "@/lib/certificates/list";
import { SetListFrame, SetListItem } from "./set-list-frame";
import {
  estimateNarrowSetRowSize,
  estimateSetRowSize,
  INITIAL_RECT,
  OVERSCAN,
  setRowKey,
} from "./set-list-layout";

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (i, n) => Math.min(i + 1, n - 1),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * A row's height as its ResizeObserver reported it, else what is known (measured before, or the
 * estimate). Never reads `offsetHeight`: on the rows' first render that forced a layout inside
 * React's commit, once per row, which made the list's swap one long task on a phone.
 */
function observedRowSize(
  element: HTMLLIElement,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLDivElement, HTMLLIElement>,
): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return (
    instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index)
  );
}

/**
 * The scroll area's size from its ResizeObserver alone (its first report comes with the first
 * layout). The default reads `getBoundingClientRect()` at mount, forcing that layout inside the
 * swap's long task; until the report, the list lays out for `INITIAL_RECT`.
 */
function observeScrollAreaSize(
  instance: Virtualizer<HTMLDivElement, HTMLLIElement>,
  onSize: (rect: { width: number; height: number }) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element) return undefined;
  const observer = new ResizeObserver(([entry]) => {
    const box = entry?.borderBoxSize?.[0];
    if (box) onSize({ width: Math.round(box.inlineSize), height: Math.round(box.blockSize) });
  });
  observer.observe(element, { box: "border-box" });
  return () => observer.disconnect();
}

/**
 * The virtualiser's scrolling, without its first scroll when that goes where the new list already
 * is (its start, or the offset set below before the virtualiser's effects): scrolling forces a
 * layout, and at mount that was the whole swap's style and layout inside one long task.
 */
function scrollAfterMount(startOffset: number): typeof elementScroll<HTMLDivElement> {
  let mounted = false;
  return (offset, options, instance) => {
    const already = !mounted && offset + (options.adjustments ?? 0) === startOffset;
    mounted = true;
    if (!already) elementScroll(offset, options, instance);
  };
}

/**
 * The viewport's say before anything is measured: whether rows stack (below `md`), and the scroll
 * area's size (it is at most 70vh tall). Read while rendering, when no layout is pending.
 */
function viewportLayout() {
  if (typeof window === "undefined") return { narrow: false, rect: INITIAL_RECT };
  return {
    narrow: !window.matchMedia("(min-width: 48rem)").matches,
    rect: { width: window.innerWidth, height: Math.round(window.innerHeight * 0.7) },
  };
}

/**
 * A connection's certificate sets as a list whose off-screen rows are not in the page: only the
 * rows in (and near) its scroll area exist in the DOM, so 2,000 sets paint about as fast as 200.
 * It stays a list for assistive technology (each row says its position and the total), and the
 * arrow keys, Home and End move between the rows' links, scrolling rows into existence.
 */
export function VirtualSetList({
  entries,
  at,
  label,
  initialOffset = 0,
}: {
  entries: CertificateSetEntry[];
  at: Date;
  label: string;
  /** Where the list the server rendered was scrolled to when this one took its place. */
  initialOffset?: number;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollToFn] = useState(() => scrollAfterMount(initialOffset));
  const [{ narrow, rect }] = useState(viewportLayout);
  // Before the virtualiser reads the scroll position (its own layout effects run after this one).
  useLayoutEffect(() => {
    if (initialOffset && scrollRef.current) scrollRef.current.scrollTop = initialOffset;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only where the list started
  }, []);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are read during render on purpose
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (narrow ? estimateNarrowSetRowSize : estimateSetRowSize)(entries[i]),
    getItemKey: (i) => setRowKey(entries[i]!),
    overscan: OVERSCAN,
    initialRect: rect,
    initialOffset,
    measureElement: observedRowSize,
    observeElementRect: observeScrollAreaSize,
    scrollToFn,
  });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const move = MOVES[event.key];
    const row = (event.target as HTMLElement).closest<HTMLElement>("[data-index]");
    if (!move || !row || (event.target as HTMLElement).tagName !== "A") return;
    event.preventDefault();
    const next = move(Number(row.dataset.index), entries.length);
    virtualizer.scrollToIndex(next, { align: "auto" });
    const focus = (tries: number) => {
      const link = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"] a`);
      if (link) link.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    requestAnimationFrame(() => focus(10));
  };

  return (
    <SetListFrame
      label={label}
      totalSize={virtualizer.getTotalSize()}
      scrollRef={scrollRef}
      onKeyDown={onKeyDown}
    >
      {virtualizer.getVirtualItems().map((item) => (
        <SetListItem
          key={item.key}
          entry={entries[item.index]!}
          index={item.index}
          count={entries.length}
          start={item.start}
          at={at}
          measureRef={virtualizer.measureElement}
        />
      ))}
    </SetListFrame>
  );
}
