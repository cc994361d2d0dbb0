import { describe, expect, it } from "vitest";
import { timelineFirstScreen, withGroupCounts } from "./first-screen";
import { flattenRows, groupCertificates, rowHeight } from "./lanes";
import { fakeTimelineCertificate } from "./testing/fake-certificate";
import type { TimelineCertificate } from "./types";

const NOW = new Date("2026-06-01T00:00:00Z");
const VENDORS = ["uipath", "cloudflare", "huawei"];

const cert = fakeTimelineCertificate;

/** `sets` sets of two overlapping certificates (two tracks) at one connection, given in reverse order. */
function inventory(sets: number, over: Partial<TimelineCertificate> = {}): TimelineCertificate[] {
  return Array.from({ length: sets }, (_, i) => sets - 1 - i).flatMap((i) => [
    cert(`s${i}/current`, { setId: `s${i}`, setLabel: `Set ${i}`, ...over }),
    cert(`s${i}/previous`, {
      setId: `s${i}`,
      setLabel: `Set ${i}`,
      slot: "previous",
      notAfter: i % 3 === 0 ? "2026-05-01T00:00:00Z" : "2026-07-15T00:00:00Z",
      ...over,
    }),
  ]);
}

describe("timelineFirstScreen", () => {
  it("hands over everything when it fits: complete, nothing to load", () => {
    const certs = inventory(3);
    const first = timelineFirstScreen(certs, NOW, VENDORS);
    expect(first.complete).toBe(true);
    expect(new Set(first.certificates.map((c) => c.key))).toEqual(new Set(certs.map((c) => c.key)));
  });

  it("takes whole lanes in the timeline's order until the plot and the overscan are full", () => {
    const certs = inventory(500);
    const first = timelineFirstScreen(certs, NOW, VENDORS);
    expect(first.complete).toBe(false);
    const rows = flattenRows(groupCertificates(certs, NOW, VENDORS), new Set());
    const lanes = rows.filter((r) => r.kind === "lane");
    const taken = new Set(first.certificates.map((c) => c.setId));
    // The first lanes of the full timeline, in its (numeric) order, with both certificates each.
    expect([...taken]).toEqual(
      lanes.slice(0, taken.size).map((r) => r.kind === "lane" && r.lane.id.split(":")[2]),
    );
    expect(first.certificates).toHaveLength(taken.size * 2);
    // Every row that starts inside the 26rem plot, then the virtualiser's overscan of six rows.
    const shownRows = rows.slice(0, taken.size + 2); // and the vendor's and the connection's headings
    const top = (index: number) => shownRows.slice(0, index).reduce((sum, row) => sum + rowHeight(row), 0);
    expect(top(shownRows.length - 7)).toBeLessThan(26 * 16);
    expect(top(shownRows.length - 6)).toBeGreaterThanOrEqual(26 * 16);
  });

  it("counts every group over all certificates, not only the first screen's", () => {
    const certs = [
      ...inventory(200),
      ...inventory(40, { vendor: "uipath", connectionId: "u1", connectionName: "Org" }),
    ];
    const first = timelineFirstScreen(certs, NOW, VENDORS);
    const full = groupCertificates(certs, NOW, VENDORS);
    for (const group of full) {
      expect(first.counts[group.id]).toEqual(group.counts);
      for (const connection of group.connections)
        expect(first.counts[connection.id]).toEqual(connection.counts);
    }
    // UiPath comes first; Cloudflare's lanes are beyond the first screen, its counts are not.
    expect(first.certificates.every((c) => c.vendor === "uipath")).toBe(true);
    expect(first.counts["v:cloudflare"]!.expired + first.counts["v:cloudflare"]!.ok).toBeGreaterThan(0);
  });

  it("withGroupCounts puts the whole inventory's counts on the first screen's groups", () => {
    const certs = inventory(500);
    const first = timelineFirstScreen(certs, NOW, VENDORS);
    const partial = groupCertificates(first.certificates, NOW, VENDORS);
    const [vendor] = withGroupCounts(partial, first.counts);
    expect(vendor!.counts).toEqual(groupCertificates(certs, NOW, VENDORS)[0]!.counts);
    expect(vendor!.connections[0]!.counts).toEqual(first.counts["c:c1"]);
    expect(vendor!.connections[0]!.lanes).toHaveLength(partial[0]!.connections[0]!.lanes.length);
    // Groups the counts do not name keep their own.
    expect(withGroupCounts(partial, {})).toEqual(partial);
  });
});
