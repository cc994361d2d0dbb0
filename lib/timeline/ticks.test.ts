import { describe, expect, it } from "vitest";
import { chooseStep, generateTicks } from "./ticks";
import { DAY_MS } from "./types";

const at = (iso: string) => Date.parse(iso);

describe("chooseStep", () => {
  it.each([
    { days: 7, width: 1000, step: { unit: "day", days: 1 } },
    { days: 90, width: 1000, step: { unit: "day", days: 14 } },
    { days: 365, width: 1000, step: { unit: "month", months: 1 } },
    { days: 1095, width: 1000, step: { unit: "month", months: 3 } },
    { days: 1095, width: 3000, step: { unit: "month", months: 1 } },
    { days: 10950, width: 1000, step: { unit: "month", months: 60 } },
  ])("$days days on $width px", ({ days, width, step }) => {
    const start = at("2026-01-01T00:00:00Z");
    expect(chooseStep({ start, end: start + days * DAY_MS }, width)).toEqual(step);
  });
});

describe("generateTicks", () => {
  it.each([
    {
      name: "daily ticks on UTC midnights",
      view: { start: at("2026-03-30T12:00:00Z"), end: at("2026-04-02T12:00:00Z") },
      width: 300,
      labels: ["31 Mar", "1 Apr", "2 Apr"],
    },
    {
      name: "weekly ticks on Mondays",
      view: { start: at("2026-03-01T00:00:00Z"), end: at("2026-03-31T00:00:00Z") },
      width: 400,
      labels: ["2 Mar", "9 Mar", "16 Mar", "23 Mar", "30 Mar"],
    },
    {
      name: "quarterly ticks, January labelled with its year",
      view: { start: at("2026-02-15T00:00:00Z"), end: at("2027-02-15T00:00:00Z") },
      width: 500,
      labels: ["Apr", "Jul", "Oct", "Jan 2027"],
    },
    {
      name: "yearly ticks",
      view: { start: at("2025-06-01T00:00:00Z"), end: at("2030-06-01T00:00:00Z") },
      width: 600,
      labels: ["2026", "2027", "2028", "2029", "2030"],
    },
  ])("$name", ({ view, width, labels }) => {
    const ticks = generateTicks(view, width);
    expect(ticks.map((t) => t.label)).toEqual(labels);
    for (const tick of ticks) expect(tick.time).toBeGreaterThanOrEqual(view.start);
  });

  it("marks year starts as major", () => {
    const ticks = generateTicks({ start: at("2026-02-15T00:00:00Z"), end: at("2027-02-15T00:00:00Z") }, 500);
    expect(ticks.filter((t) => t.major).map((t) => t.label)).toEqual(["Jan 2027"]);
  });

  it.each([
    { width: 0, view: { start: 0, end: DAY_MS } },
    { width: 500, view: { start: DAY_MS, end: DAY_MS } },
  ])("returns nothing for a degenerate plot", ({ width, view }) => {
    expect(generateTicks(view, width)).toEqual([]);
  });

  it("stays bounded on a 30-year window", () => {
    const start = at("2000-01-01T00:00:00Z");
    expect(generateTicks({ start, end: start + 30 * 365 * DAY_MS }, 1200).length).toBeLessThanOrEqual(16);
  });
});
