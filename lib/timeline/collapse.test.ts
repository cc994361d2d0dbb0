import { describe, expect, it } from "vitest";
import { ALL_COLLAPSED, ALL_EXPANDED, collapsedGroupIds, toggleGroup } from "./collapse";
import { allGroupIds, groupCertificates } from "./lanes";
import { fakeTimelineCertificate as cert } from "./testing/fake-certificate";

const NOW = new Date("2026-06-01T00:00:00Z");
const VENDORS = ["uipath", "cloudflare", "huawei"];

// The Overview's first screen holds one connection; the rest of the inventory arrives later.
const firstScreen = groupCertificates([cert("a")], NOW, VENDORS);
const everything = groupCertificates(
  [
    cert("a"),
    cert("b", { connectionId: "c2", connectionName: "Beta", setId: "s2" }),
    cert("u", { vendor: "uipath", connectionId: "u1", connectionName: "Contoso", slot: "primary" }),
  ],
  NOW,
  VENDORS,
);

describe("timeline groups collapsed", () => {
  it("“Collapse all” also collapses groups that arrive after it", () => {
    expect([...collapsedGroupIds(ALL_COLLAPSED, firstScreen)].sort()).toEqual(
      allGroupIds(firstScreen).sort(),
    );
    const later = collapsedGroupIds(ALL_COLLAPSED, everything);
    expect([...later].sort()).toEqual(allGroupIds(everything).sort());
    expect(allGroupIds(everything).length).toBeGreaterThan(allGroupIds(firstScreen).length);
  });

  it("a group opened after “Collapse all” stays open when more arrive; the new ones come collapsed", () => {
    const opened = allGroupIds(firstScreen).at(-1)!;
    const state = toggleGroup(ALL_COLLAPSED, opened);
    const later = collapsedGroupIds(state, everything);
    expect(later.has(opened)).toBe(false);
    for (const id of allGroupIds(everything)) if (id !== opened) expect(later.has(id)).toBe(true);
  });

  it("“Expand all” and single toggles", () => {
    expect(collapsedGroupIds(ALL_EXPANDED, everything).size).toBe(0);
    const one = allGroupIds(everything)[0]!;
    const state = toggleGroup(ALL_EXPANDED, one);
    expect([...collapsedGroupIds(state, everything)]).toEqual([one]);
    expect(collapsedGroupIds(toggleGroup(state, one), everything).size).toBe(0);
  });
});
