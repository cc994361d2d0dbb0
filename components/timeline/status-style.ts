import type { CSSProperties } from "react";
import { STATUS_LABELS } from "@/lib/certificates/status";
import type { TimelineStatus } from "@/lib/timeline/types";

/** How one status is drawn: never by colour alone, always also a pattern, an icon and a word. */
export interface StatusStyle {
  label: string;
  icon: string;
  /** Colours (light and dark). */
  className: string;
  /** The pattern, inline so that Tailwind needs no arbitrary gradient classes. */
  style: CSSProperties;
  /** Words for the legend: what the pattern looks like. */
  pattern: string;
}

const stripes = (angle: number, gap: number, tone: string): CSSProperties => ({
  backgroundImage: `repeating-linear-gradient(${angle}deg, transparent 0 ${gap}px, ${tone} ${gap}px ${gap + 2}px)`,
});

/** The drawing of each status on bars, the legend and the overview counts. */
export const STATUS_STYLES: Record<TimelineStatus, StatusStyle> = {
  expired: {
    label: STATUS_LABELS.expired,
    icon: "✕",
    className: "bg-red-700 text-white dark:bg-red-600",
    style: {
      backgroundImage:
        "repeating-linear-gradient(45deg, transparent 0 4px, rgb(255 255 255 / 0.35) 4px 6px), repeating-linear-gradient(-45deg, transparent 0 4px, rgb(255 255 255 / 0.35) 4px 6px)",
    },
    pattern: "cross-hatched",
  },
  lt7: {
    label: STATUS_LABELS.lt7,
    icon: "!!",
    className: "bg-orange-600 text-white dark:bg-orange-500 dark:text-orange-950",
    style: stripes(45, 3, "rgb(0 0 0 / 0.25)"),
    pattern: "dense stripes",
  },
  lt30: {
    label: STATUS_LABELS.lt30,
    icon: "!",
    className: "bg-amber-400 text-amber-950",
    style: stripes(45, 7, "rgb(0 0 0 / 0.18)"),
    pattern: "wide stripes",
  },
  lt60: {
    label: STATUS_LABELS.lt60,
    icon: "◷",
    className: "bg-yellow-200 text-yellow-950 ring-1 ring-yellow-600 ring-inset dark:bg-yellow-300",
    style: {
      backgroundImage: "radial-gradient(rgb(0 0 0 / 0.25) 1px, transparent 1.5px)",
      backgroundSize: "5px 5px",
    },
    pattern: "dotted",
  },
  ok: {
    label: STATUS_LABELS.ok,
    icon: "✓",
    // emerald-700: white on it is 5.5:1 (emerald-600 was 3.7:1, under WCAG AA's 4.5:1).
    className: "bg-emerald-700 text-white dark:bg-emerald-500 dark:text-emerald-950",
    style: {},
    pattern: "solid",
  },
  housekeeping: {
    label: STATUS_LABELS.housekeeping,
    icon: "⌫",
    className:
      "border border-dotted border-zinc-500 bg-zinc-200 text-zinc-800 dark:border-zinc-400 dark:bg-zinc-700 dark:text-zinc-100",
    style: stripes(-45, 6, "rgb(0 0 0 / 0.12)"),
    pattern: "faint reverse stripes, dotted outline",
  },
  inactive: {
    label: STATUS_LABELS.inactive,
    icon: "○",
    className:
      "border border-dashed border-zinc-500 bg-white text-zinc-700 dark:border-zinc-400 dark:bg-zinc-900 dark:text-zinc-300",
    style: {},
    pattern: "hollow, dashed outline",
  },
};
