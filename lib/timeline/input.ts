import type { PresetId } from "./scale";

/** What a key or wheel turn does to the timeline. */
export type TimelineAction =
  | { type: "zoom"; factor: number }
  | { type: "pan"; fraction: number }
  | { type: "pan-px"; px: number }
  | { type: "today" }
  | { type: "preset"; preset: PresetId }
  | { type: "move"; by: 1 | -1 }
  | { type: "first" }
  | { type: "last" };

/** One zoom step of the buttons and keys. */
export const ZOOM_STEP = 1.5;
const PAN_STEP = 0.1;
const PAN_STEP_LARGE = 0.5;

/** The keys, as the help text lists them (kept next to the mapping so the two cannot drift). */
export const KEY_HELP: readonly { keys: string; does: string }[] = [
  { keys: "← →", does: "move the window earlier / later (with Shift: half a window)" },
  { keys: "+ −", does: "zoom in / out" },
  { keys: "↑ ↓", does: "previous / next certificate" },
  { keys: "Home End", does: "first / last certificate" },
  { keys: "T", does: "centre on today" },
  { keys: "1 2 3", does: "90 days / 1 year / 3 years" },
  { keys: "Enter", does: "open the certificate's set" },
];

/** The action of a key press, or null to let the browser have it (Enter is the link's own). */
export function keyAction(event: {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}): TimelineAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case "ArrowLeft":
      return { type: "pan", fraction: -(event.shiftKey ? PAN_STEP_LARGE : PAN_STEP) };
    case "ArrowRight":
      return { type: "pan", fraction: event.shiftKey ? PAN_STEP_LARGE : PAN_STEP };
    case "+":
    case "=":
      return { type: "zoom", factor: ZOOM_STEP };
    case "-":
    case "_":
      return { type: "zoom", factor: 1 / ZOOM_STEP };
    case "ArrowUp":
      return { type: "move", by: -1 };
    case "ArrowDown":
      return { type: "move", by: 1 };
    case "Home":
      return { type: "first" };
    case "End":
      return { type: "last" };
    case "t":
    case "T":
      return { type: "today" };
    case "1":
      return { type: "preset", preset: "90d" };
    case "2":
      return { type: "preset", preset: "1y" };
    case "3":
      return { type: "preset", preset: "3y" };
    default:
      return null;
  }
}

const LINE_PX = 16;
// e^(-0.002 × 100) ≈ 0.82: one notch of a mouse wheel zooms by about a fifth.
const WHEEL_ZOOM_RATE = 0.002;

/**
 * What a wheel turn does: with Ctrl or ⌘ (also how browsers report a trackpad pinch) it zooms
 * around the pointer; a horizontal turn, or Shift with a vertical one, pans; a plain vertical turn
 * returns null and scrolls the lanes.
 */
export function wheelAction(event: {
  deltaX: number;
  deltaY: number;
  deltaMode: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): TimelineAction | null {
  const unit = event.deltaMode === 1 ? LINE_PX : event.deltaMode === 2 ? 400 : 1;
  const dx = event.deltaX * unit;
  const dy = event.deltaY * unit;
  if (event.ctrlKey || event.metaKey)
    return dy === 0 ? null : { type: "zoom", factor: Math.exp(-dy * WHEEL_ZOOM_RATE) };
  if (event.shiftKey && dy !== 0) return { type: "pan-px", px: dy };
  if (Math.abs(dx) > Math.abs(dy)) return { type: "pan-px", px: dx };
  return null;
}
