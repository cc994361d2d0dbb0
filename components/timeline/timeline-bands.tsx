import { timeToX } from "@/lib/timeline/scale";
import type { Tick } from "@/lib/timeline/ticks";
import { DAY_MS, type TimeView } from "@/lib/timeline/types";
import { cn } from "@/lib/cn";
import { panLayerStyle } from "./pan-layer";

// The warning bands: from today to 7, 30 and 60 days ahead, lighter the further away, each with
// its own hatching so that they differ without colour.
const BANDS = [
  {
    from: 0,
    to: 7,
    className: "bg-orange-500/15 dark:bg-orange-400/15",
    image: "repeating-linear-gradient(90deg, rgb(234 88 12 / 0.25) 0 1px, transparent 1px 4px)",
  },
  {
    from: 7,
    to: 30,
    className: "bg-amber-400/10 dark:bg-amber-300/10",
    image: "repeating-linear-gradient(90deg, rgb(217 119 6 / 0.18) 0 1px, transparent 1px 8px)",
  },
  { from: 30, to: 60, className: "bg-yellow-300/10 dark:bg-yellow-200/5", image: "none" },
];

/**
 * Grid lines, the 7/30/60-day bands and the today line, drawn once behind the lanes. The layer is
 * only as tall as the viewport (sticky below the axis): a layer as tall as 5,000 lanes made every
 * zoom step repaint tens of thousands of pixels of stripes (about 10× slower in the bench).
 */
export function TimelineBands({
  ticks,
  view,
  width,
  now,
}: {
  ticks: Tick[];
  view: TimeView;
  width: number;
  now: Date;
}) {
  const today = now.getTime();
  const x = (days: number) => timeToX(today + days * DAY_MS, view, width);
  return (
    <div
      className="pointer-events-none absolute inset-x-0 top-0 h-[23.5rem] overflow-hidden"
      aria-hidden="true"
    >
      <div className="absolute inset-0" style={panLayerStyle}>
        {ticks.map((tick) => (
          <div
            key={tick.time}
            className={cn(
              "absolute inset-y-0 w-px",
              tick.major ? "bg-zinc-300 dark:bg-zinc-700" : "bg-zinc-200/70 dark:bg-zinc-800",
            )}
            style={{ transform: `translateX(${timeToX(tick.time, view, width)}px)` }}
          />
        ))}
        {BANDS.map((band) => (
          <div
            key={band.from}
            className={cn("absolute inset-y-0 border-r border-dashed border-zinc-400/60", band.className)}
            style={{
              left: 0,
              transform: `translateX(${x(band.from)}px)`,
              width: Math.max(0, x(band.to) - x(band.from)),
              backgroundImage: band.image,
            }}
          />
        ))}
        <div
          data-testid="timeline-today"
          className="absolute inset-y-0 w-0.5 bg-sky-700 dark:bg-sky-400"
          style={{ transform: `translateX(${x(0) - 1}px)` }}
        />
      </div>
    </div>
  );
}
