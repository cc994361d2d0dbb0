import { describe, expect, it } from "vitest";
import { KEY_HELP, keyAction, wheelAction, ZOOM_STEP, type TimelineAction } from "./input";

describe("keyAction", () => {
  it.each<[string, { shiftKey?: boolean; ctrlKey?: boolean }, TimelineAction | null]>([
    ["ArrowLeft", {}, { type: "pan", fraction: -0.1 }],
    ["ArrowRight", {}, { type: "pan", fraction: 0.1 }],
    ["ArrowRight", { shiftKey: true }, { type: "pan", fraction: 0.5 }],
    ["+", {}, { type: "zoom", factor: ZOOM_STEP }],
    ["=", {}, { type: "zoom", factor: ZOOM_STEP }],
    ["-", {}, { type: "zoom", factor: 1 / ZOOM_STEP }],
    ["ArrowUp", {}, { type: "move", by: -1 }],
    ["ArrowDown", {}, { type: "move", by: 1 }],
    ["Home", {}, { type: "first" }],
    ["End", {}, { type: "last" }],
    ["t", {}, { type: "today" }],
    ["1", {}, { type: "preset", preset: "90d" }],
    ["2", {}, { type: "preset", preset: "1y" }],
    ["3", {}, { type: "preset", preset: "3y" }],
    ["Enter", {}, null],
    ["Tab", {}, null],
    ["+", { ctrlKey: true }, null],
  ])("%s %o", (key, modifiers, action) => {
    expect(keyAction({ key, ...modifiers })).toEqual(action);
  });

  it("the help lists every key family", () => {
    expect(KEY_HELP.map((k) => k.keys).join(" ")).toMatch(/← →.*\+ −.*↑ ↓.*Home End.*T.*1 2 3.*Enter/);
  });
});

describe("wheelAction", () => {
  const base = { deltaX: 0, deltaY: 0, deltaMode: 0, ctrlKey: false, metaKey: false, shiftKey: false };
  it.each([
    { name: "a plain vertical turn scrolls the lanes", event: { deltaY: 100 }, action: null },
    { name: "Ctrl + wheel down zooms out", event: { deltaY: 100, ctrlKey: true }, zoom: "out" },
    { name: "⌘ + wheel up zooms in", event: { deltaY: -100, metaKey: true }, zoom: "in" },
    { name: "Shift + wheel pans", event: { deltaY: 40, shiftKey: true }, action: { type: "pan-px", px: 40 } },
    {
      name: "a horizontal turn pans",
      event: { deltaX: -30, deltaY: 5 },
      action: { type: "pan-px", px: -30 },
    },
    {
      name: "line mode is converted to pixels",
      event: { deltaX: 3, deltaMode: 1 },
      action: { type: "pan-px", px: 48 },
    },
  ])("$name", ({ event, action, zoom }) => {
    const result = wheelAction({ ...base, ...event });
    if (zoom) {
      expect(result?.type).toBe("zoom");
      const factor = result?.type === "zoom" ? result.factor : 1;
      expect(zoom === "in" ? factor > 1 : factor < 1).toBe(true);
    } else expect(result).toEqual(action);
  });
});
