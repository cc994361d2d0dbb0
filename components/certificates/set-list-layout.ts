// Client-safe and hook-free: how the certificate list lays its rows out, shared by the list the
// server renders first and the virtualised list that takes over in the browser.
import type { CertificateSetEntry } from "@/lib/certificates/list";

/**
 * Rows rendered beyond the visible ones, so scrolling shows no gap. Rows are 96 px or taller, so
 * three are enough; every row more is about 30 DOM nodes to create, lay out and later drop.
 */
export const OVERSCAN = 3;
/** The scroll area assumed before the browser has measured anything (the first screenful). */
export const INITIAL_RECT = { width: 1024, height: 720 };

/** A row's height before it is measured: its header line plus one line group per slot. */
export const estimateSetRowSize = (entry: CertificateSetEntry | undefined) =>
  40 + 56 * (entry?.set.slots.length ?? 1);

/**
 * A row's height on a narrow screen (below `md`), where its columns stack and each slot's lines
 * wrap: rather too tall than too short, since rows found missing are added cheaply after the first
 * layout, while rows found too many are removed from a laid-out list (costly inside the swap).
 */
export const estimateNarrowSetRowSize = (entry: CertificateSetEntry | undefined) =>
  96 + 120 * (entry?.set.slots.length ?? 1);

/** A row's stable key: the same set keeps its DOM node while the list changes around it. */
export const setRowKey = (entry: CertificateSetEntry) => `${entry.connection.id}/${entry.set.id}`;

/**
 * The rows of the first screenful and their estimated offsets, as the virtualiser lays them out
 * before measuring (the rows within `INITIAL_RECT` plus the overscan), and the whole list's height.
 */
export function firstScreenful(entries: CertificateSetEntry[]): {
  rows: { entry: CertificateSetEntry; index: number; start: number }[];
  totalSize: number;
} {
  const rows: { entry: CertificateSetEntry; index: number; start: number }[] = [];
  let start = 0;
  let beyond = 0;
  for (const [index, entry] of entries.entries()) {
    if (start >= INITIAL_RECT.height) beyond++;
    if (beyond <= OVERSCAN) rows.push({ entry, index, start });
    start += estimateSetRowSize(entry);
  }
  return { rows, totalSize: start };
}
