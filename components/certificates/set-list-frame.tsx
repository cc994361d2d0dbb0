import type { KeyboardEvent, ReactNode, Ref } from "react";
import type { CertificateSetEntry } from "@/lib/certificates/list";
import { SET_ROW_GRID, SetRow } from "./set-row";

/**
 * The certificate list's frame: column headers, the scroll area and the list of absolutely placed
 * rows. Hook-free, so the server renders the first screenful in it and the virtualised list in the
 * browser renders into the same markup.
 */
export function SetListFrame({
  label,
  totalSize,
  scrollRef,
  onKeyDown,
  children,
}: {
  label: string;
  /** The height of every row together (estimated until measured). */
  totalSize: number;
  scrollRef?: Ref<HTMLDivElement>;
  onKeyDown?: (event: KeyboardEvent<HTMLUListElement>) => void;
  children: ReactNode;
}) {
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
      <div
        ref={scrollRef}
        className="max-h-[70vh] overflow-y-auto"
        data-testid="certificate-set-scroller"
        data-set-scroller
      >
        <ul aria-label={label} className="relative" style={{ height: totalSize }} onKeyDown={onKeyDown}>
          {children}
        </ul>
      </div>
    </div>
  );
}

/** One row of the list at its offset; it says its position and the total for assistive technology. */
export function SetListItem({
  entry,
  index,
  count,
  start,
  at,
  measureRef,
}: {
  entry: CertificateSetEntry;
  index: number;
  count: number;
  start: number;
  at: Date;
  measureRef?: Ref<HTMLLIElement>;
}) {
  return (
    <li
      data-index={index}
      ref={measureRef}
      aria-setsize={count}
      aria-posinset={index + 1}
      data-testid="certificate-set-row"
      className="absolute top-0 left-0 w-full border-t border-zinc-200 dark:border-zinc-800"
      style={{ transform: `translateY(${start}px)` }}
    >
      <SetRow entry={entry} at={at} />
    </li>
  );
}
