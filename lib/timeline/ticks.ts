import { DAY_MS, type TimeView } from "./types";

/** One axis tick: its time and label; `major` ticks start a year (or a month, when zoomed in). */
export interface Tick {
  time: number;
  label: string;
  major: boolean;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type Step = { unit: "day"; days: number } | { unit: "month"; months: number };

// From finest to coarsest; the first whose spacing reaches the minimum is used.
const STEPS: Step[] = [
  { unit: "day", days: 1 },
  { unit: "day", days: 2 },
  { unit: "day", days: 7 },
  { unit: "day", days: 14 },
  { unit: "month", months: 1 },
  { unit: "month", months: 3 },
  { unit: "month", months: 6 },
  { unit: "month", months: 12 },
  { unit: "month", months: 24 },
  { unit: "month", months: 60 },
];

function approxDays(step: Step): number {
  return step.unit === "day" ? step.days : step.months * 30.44;
}

/** The tick step for a view: the finest one whose ticks are at least `minSpacingPx` apart. */
export function chooseStep(view: TimeView, width: number, minSpacingPx = 80): Step {
  const pxPerDay = (width * DAY_MS) / (view.end - view.start);
  return STEPS.find((step) => approxDays(step) * pxPerDay >= minSpacingPx) ?? STEPS[STEPS.length - 1]!;
}

function dayLabel(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

function dayTicks(view: TimeView, days: number): Tick[] {
  const ticks: Tick[] = [];
  // Weekly ticks fall on Mondays (1970-01-05 was one); daily ones on UTC midnights.
  const origin = days % 7 === 0 ? 4 * DAY_MS : 0;
  const step = days * DAY_MS;
  for (let time = Math.ceil((view.start - origin) / step) * step + origin; time <= view.end; time += step) {
    const date = new Date(time);
    const firstOfMonth = date.getUTCDate() <= days;
    ticks.push({
      time,
      label:
        firstOfMonth && date.getUTCMonth() === 0
          ? `${dayLabel(date)} ${date.getUTCFullYear()}`
          : dayLabel(date),
      major: firstOfMonth,
    });
  }
  return ticks;
}

function monthTicks(view: TimeView, months: number): Tick[] {
  const ticks: Tick[] = [];
  const first = new Date(view.start);
  let index = first.getUTCFullYear() * 12 + first.getUTCMonth();
  index = Math.ceil(index / months) * months;
  for (;;) {
    const time = Date.UTC(Math.floor(index / 12), index % 12, 1);
    if (time > view.end) break;
    if (time >= view.start) {
      const month = index % 12;
      const year = Math.floor(index / 12);
      ticks.push({
        time,
        label: months >= 12 ? String(year) : month === 0 ? `${MONTHS[0]} ${year}` : MONTHS[month]!,
        major: month === 0,
      });
    }
    index += months;
  }
  return ticks;
}

/** Axis ticks for a view `width` pixels wide, on UTC calendar boundaries. */
export function generateTicks(view: TimeView, width: number, minSpacingPx = 80): Tick[] {
  if (!(width > 0) || !(view.end > view.start)) return [];
  const step = chooseStep(view, width, minSpacingPx);
  return step.unit === "day" ? dayTicks(view, step.days) : monthTicks(view, step.months);
}
