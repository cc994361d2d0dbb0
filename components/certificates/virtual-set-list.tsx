"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef, type KeyboardEvent } from "react";
import type { CertificateSetEntry } from "@/lib/certificates/list";
import { SET_ROW_GRID, SetRow } from "./set-row";

/** Rows rendered beyond the visible ones, so a short list is whole and scrolling shows no gap. */
const OVERSCAN = 8;
/** What the server renders before the browser has measured anything (the first screenful). */
const INITIAL_RECT = { width: 1024, height: 720 };

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (i, n) => Math.min(i + 1, n - 1),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

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
}: {
  entries: CertificateSetEntry[];
  at: Date;
  label: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are read during render on purpose
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => 40 + 56 * (entries[i]?.set.slots.length ?? 1),
    getItemKey: (i) => `${entries[i]!.connection.id}/${entries[i]!.set.id}`,
    overscan: OVERSCAN,
    initialRect: INITIAL_RECT,
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
    <div className="rounded-lg border border-zinc-200 dark:border-zinc-800">
      <div
        aria-hidden
        className={`${SET_ROW_GRID} hidden bg-zinc-50 px-3 py-2 text-xs font-semibold tracking-wide text-zinc-600 uppercase md:grid dark:bg-zinc-900 dark:text-zinc-400`}
      >
        <span>Set</span>
        <span>Vendor · connection</span>
        <span>Slots</span>
      </div>
      <div ref={scrollRef} className="max-h-[70vh] overflow-y-auto" data-testid="certificate-set-scroller">
        <ul
          aria-label={label}
          className="relative"
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
        >
          {virtualizer.getVirtualItems().map((item) => (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-setsize={entries.length}
              aria-posinset={item.index + 1}
              data-testid="certificate-set-row"
              className="absolute top-0 left-0 w-full border-t border-zinc-200 dark:border-zinc-800"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <SetRow entry={entries[item.index]!} at={at} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
