import { timeToX } from "@/lib/timeline/scale";
import type { Tick } from "@/lib/timeline/ticks";
import { DAY_MS, type TimeView } from "@/lib/timeline/types";
import type { RefObject } from "react";
import { cn } from "@/lib/cn";
import { LABEL_COLUMN, panLayerStyle } from "./pan-layer";

const BAND_LABELS = [
  { days: 7, label: "7 d" },
  { days: 30, label: "30 d" },
  { days: 60, label: "60 d" },
];

// Room for "Today" (centred on its line) or a band label before the next label fits.
const LABEL_ROOM_PX = 32;

/** The 7/30/60-day labels that fit: when zoomed out, the 7-day mark sits almost on today's. */
function bandLabels(today: number, view: TimeView, width: number) {
  let last = timeToX(today, view, width);
  return BAND_LABELS.flatMap((band) => {
    const x = timeToX(today + band.days * DAY_MS, view, width);
    if (x - last < LABEL_ROOM_PX) return [];
    last = x;
    return [{ ...band, x }];
  });
}

/** The sticky axis: column title, tick labels, today and the 7/30/60-day marks. The plot cell is measured for the scale. */
export function TimelineAxis({
  ticks,
  view,
  width,
  now,
  plotRef,
}: {
  ticks: Tick[];
  view: TimeView;
  width: number;
  now: Date;
  plotRef: RefObject<HTMLDivElement | null>;
}) {
  const today = now.getTime();
  return (
    <div
      className="sticky top-0 z-20 flex h-10 border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      aria-hidden="true"
    >
      <div
        className={cn(
          LABEL_COLUMN,
          "flex shrink-0 items-end border-r border-zinc-200 px-2 pb-1 text-xs font-semibold text-zinc-600 dark:border-zinc-800 dark:text-zinc-400",
        )}
      >
        Certificate set
      </div>
      <div ref={plotRef} className="relative flex-1 overflow-hidden">
        <div className="absolute inset-0" style={panLayerStyle}>
          {ticks.map((tick) => (
            <span
              key={tick.time}
              className={cn(
                "absolute bottom-0 border-l pb-0.5 pl-1 text-[11px] whitespace-nowrap",
                tick.major
                  ? "border-zinc-500 font-semibold text-zinc-800 dark:text-zinc-200"
                  : "border-zinc-300 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400",
              )}
              style={{ transform: `translateX(${timeToX(tick.time, view, width)}px)`, height: "1.25rem" }}
            >
              {tick.label}
            </span>
          ))}
          <span
            className="absolute top-0.5 rounded bg-sky-700 px-1 text-[10px] font-semibold text-white dark:bg-sky-500 dark:text-sky-950"
            style={{ transform: `translateX(calc(${timeToX(today, view, width)}px - 50%))` }}
          >
            Today
          </span>
          {bandLabels(today, view, width).map(({ days, label, x }) => (
            <span
              key={days}
              className="absolute top-0.5 pl-1 text-[10px] text-zinc-600 dark:text-zinc-400"
              style={{ transform: `translateX(${x}px)` }}
            >
              {label}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
