import { describe, expect, it } from "vitest";
import {
  barGeometry,
  centreOn,
  matchingPreset,
  MAX_SPAN_MS,
  MIN_SPAN_MS,
  panByFraction,
  presetView,
  timeToX,
  xToTime,
  zoomView,
  type PresetId,
} from "./scale";
import { DAY_MS } from "./types";

const NOW = new Date("2026-06-01T00:00:00Z");
const T0 = NOW.getTime();
const VIEW = { start: T0, end: T0 + 100 * DAY_MS };

describe("presetView", () => {
  it.each<[PresetId, number]>([
    ["90d", 90],
    ["1y", 365],
    ["3y", 1095],
  ])("%s is %i days wide with today 15%% from the left", (preset, days) => {
    const view = presetView(preset, NOW);
    expect(view.end - view.start).toBe(days * DAY_MS);
    expect((T0 - view.start) / (view.end - view.start)).toBeCloseTo(0.15);
    expect(matchingPreset(view, NOW)).toBe(preset);
  });

  it("a panned preset no longer matches", () => {
    expect(matchingPreset(panByFraction(presetView("1y", NOW), 0.1), NOW)).toBeNull();
  });
});

describe("zoomView", () => {
  it.each([
    { name: "zoom in ×2 around the centre", factor: 2, anchor: undefined, span: 50, start: 25 },
    { name: "zoom out ×2 around the centre", factor: 0.5, anchor: undefined, span: 200, start: -50 },
    { name: "zoom in ×2 around the left edge keeps the edge", factor: 2, anchor: T0, span: 50, start: 0 },
    {
      name: "zoom in ×4 around day 80 keeps day 80 at 80%",
      factor: 4,
      anchor: T0 + 80 * DAY_MS,
      span: 25,
      start: 60,
    },
    { name: "a non-positive factor changes nothing", factor: 0, anchor: undefined, span: 100, start: 0 },
  ])("$name", ({ factor, anchor, span, start }) => {
    const view = zoomView(VIEW, factor, anchor);
    expect((view.end - view.start) / DAY_MS).toBeCloseTo(span);
    expect((view.start - T0) / DAY_MS).toBeCloseTo(start);
  });

  it.each([
    { factor: 1e6, span: MIN_SPAN_MS },
    { factor: 1e-6, span: MAX_SPAN_MS },
  ])("clamps the span (factor $factor)", ({ factor, span }) => {
    const view = zoomView(VIEW, factor);
    expect(view.end - view.start).toBe(span);
  });

  it("the anchor stays under the pointer when zooming", () => {
    const anchor = xToTime(300, VIEW, 1000);
    const zoomed = zoomView(VIEW, 3, anchor);
    expect(timeToX(anchor, zoomed, 1000)).toBeCloseTo(300);
  });
});

describe("pan and centre", () => {
  it.each([
    { fraction: 0.1, start: 10 },
    { fraction: -0.5, start: -50 },
  ])("panByFraction($fraction) moves the window by a share of its width", ({ fraction, start }) => {
    const view = panByFraction(VIEW, fraction);
    expect((view.start - T0) / DAY_MS).toBeCloseTo(start);
    expect(view.end - view.start).toBe(100 * DAY_MS);
  });

  it("centreOn keeps the width", () => {
    const view = centreOn(VIEW, T0);
    expect(view).toEqual({ start: T0 - 50 * DAY_MS, end: T0 + 50 * DAY_MS });
  });
});

describe("timeToX / xToTime", () => {
  it.each([
    [0, 0],
    [50, 500],
    [100, 1000],
    [-10, -100],
  ])("day %i is at %i px on a 1000 px plot, and back", (day, x) => {
    expect(timeToX(T0 + day * DAY_MS, VIEW, 1000)).toBeCloseTo(x);
    expect(xToTime(x, VIEW, 1000)).toBeCloseTo(T0 + day * DAY_MS);
  });
});

describe("barGeometry", () => {
  const day = (n: number) => T0 + n * DAY_MS;
  it.each([
    {
      name: "inside",
      from: 10,
      to: 20,
      x: 100,
      width: 100,
      edge: null,
      clippedStart: false,
      clippedEnd: false,
    },
    {
      name: "crossing the left edge is clipped",
      from: -400,
      to: 20,
      x: -4,
      width: 204,
      edge: null,
      clippedStart: true,
      clippedEnd: false,
    },
    {
      name: "crossing both edges is clipped to the plot",
      from: -400,
      to: 900,
      x: -4,
      width: 1008,
      edge: null,
      clippedStart: true,
      clippedEnd: true,
    },
    {
      name: "a very short one keeps a visible width",
      from: 10,
      to: 10.01,
      x: 100,
      width: 4,
      edge: null,
      clippedStart: false,
      clippedEnd: false,
    },
    {
      name: "wholly before the window: a marker at the left",
      from: -50,
      to: -10,
      x: 0,
      width: 10,
      edge: "before",
      clippedStart: true,
      clippedEnd: true,
    },
    {
      name: "wholly after the window: a marker at the right",
      from: 150,
      to: 300,
      x: 990,
      width: 10,
      edge: "after",
      clippedStart: true,
      clippedEnd: true,
    },
  ])("$name", ({ from, to, ...expected }) => {
    const geometry = barGeometry(day(from), day(to), VIEW, 1000);
    expect(geometry.x).toBeCloseTo(expected.x);
    expect(geometry.width).toBeCloseTo(expected.width);
    expect(geometry).toMatchObject({
      edge: expected.edge,
      clippedStart: expected.clippedStart,
      clippedEnd: expected.clippedEnd,
    });
  });
});
