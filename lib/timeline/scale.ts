import { DAY_MS, type TimeView } from "./types";

/** The narrowest window one can zoom to: two days. */
export const MIN_SPAN_MS = 2 * DAY_MS;
/** The widest window: 30 years, enough for long-lived IdP certificates. */
export const MAX_SPAN_MS = 30 * 365 * DAY_MS;

/** The window presets, in days. */
export const PRESETS = { "90d": 90, "1y": 365, "3y": 1095 } as const;
export type PresetId = keyof typeof PRESETS;
export const PRESET_LABELS: Record<PresetId, string> = { "90d": "90 days", "1y": "1 year", "3y": "3 years" };

/** Share of a preset window shown before today, so that recently expired certificates stay in sight. */
const PAST_SHARE = 0.15;

/** A preset window: `days` wide, today at 15% from its left edge. */
export function presetView(preset: PresetId, now: Date): TimeView {
  const span = PRESETS[preset] * DAY_MS;
  const start = now.getTime() - span * PAST_SHARE;
  return { start, end: start + span };
}

/** The preset whose window is exactly `view` at `now`, if any (to mark the pressed button). */
export function matchingPreset(view: TimeView, now: Date): PresetId | null {
  for (const id of Object.keys(PRESETS) as PresetId[]) {
    const preset = presetView(id, now);
    if (Math.abs(preset.start - view.start) < 1000 && Math.abs(preset.end - view.end) < 1000) return id;
  }
  return null;
}

/**
 * Zoom by `factor` (> 1 zooms in, < 1 out) keeping `anchor` (a time inside the view) at the same
 * place on screen. The span is clamped to [MIN_SPAN_MS, MAX_SPAN_MS].
 */
export function zoomView(view: TimeView, factor: number, anchor = (view.start + view.end) / 2): TimeView {
  const span = view.end - view.start;
  if (!(factor > 0) || !(span > 0)) return view;
  const next = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, span / factor));
  const share = (anchor - view.start) / span;
  const start = anchor - share * next;
  return { start, end: start + next };
}

/** Shift the view by `deltaMs` (positive: later). */
export function panView(view: TimeView, deltaMs: number): TimeView {
  return { start: view.start + deltaMs, end: view.end + deltaMs };
}

/** Shift the view by a share of its own width (0.1 = a tenth of the window later). */
export function panByFraction(view: TimeView, fraction: number): TimeView {
  return panView(view, (view.end - view.start) * fraction);
}

/** Keep the width, put `time` at the centre. */
export function centreOn(view: TimeView, time: number): TimeView {
  const half = (view.end - view.start) / 2;
  return { start: time - half, end: time + half };
}

/** Pixel offset of `time` in a plot `width` pixels wide. */
export function timeToX(time: number, view: TimeView, width: number): number {
  return ((time - view.start) / (view.end - view.start)) * width;
}

/** Time at pixel offset `x`. */
export function xToTime(x: number, view: TimeView, width: number): number {
  return view.start + (x / width) * (view.end - view.start);
}

/** Milliseconds that `dx` pixels stand for. */
export function pixelsToMs(dx: number, view: TimeView, width: number): number {
  return (dx / width) * (view.end - view.start);
}

/** Where a bar is drawn; `edge` marks a certificate wholly outside the window (drawn as a marker at that edge). */
export interface BarGeometry {
  x: number;
  width: number;
  edge: "before" | "after" | null;
  /** The bar continues past the left / right edge of the window. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/** Width of the marker drawn at the edge for a certificate outside the window. */
export const EDGE_MARKER_PX = 10;
const MIN_BAR_PX = 4;
// Bars are clipped a little outside the plot, never drawn thousands of pixels wide when zoomed in.
const OVERDRAW_PX = 4;

/** The geometry of a bar from `start` to `end` (epoch ms), computed from the scale alone. */
export function barGeometry(start: number, end: number, view: TimeView, width: number): BarGeometry {
  if (end < view.start)
    return { x: 0, width: EDGE_MARKER_PX, edge: "before", clippedStart: true, clippedEnd: true };
  if (start > view.end)
    return {
      x: Math.max(0, width - EDGE_MARKER_PX),
      width: EDGE_MARKER_PX,
      edge: "after",
      clippedStart: true,
      clippedEnd: true,
    };
  const rawStart = timeToX(start, view, width);
  const rawEnd = timeToX(end, view, width);
  const x1 = Math.max(rawStart, -OVERDRAW_PX);
  const x2 = Math.min(rawEnd, width + OVERDRAW_PX);
  return {
    x: x1,
    width: Math.max(x2 - x1, MIN_BAR_PX),
    edge: null,
    clippedStart: rawStart < x1,
    clippedEnd: rawEnd > x2,
  };
}
