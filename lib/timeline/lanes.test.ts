import { describe, expect, it } from "vitest";
import {
  allGroupIds,
  flattenRows,
  groupCertificates,
  HEADING_ROW_PX,
  navigableBars,
  packTracks,
  rowHeight,
  TRACK_PX,
} from "./lanes";
import { fakeTimelineCertificate } from "./testing/fake-certificate";

const NOW = new Date("2026-06-01T00:00:00Z");

const cert = fakeTimelineCertificate;

describe("packTracks", () => {
  it.each([
    { name: "nothing", spans: [], tracks: [] },
    {
      name: "disjoint intervals share a track",
      spans: [
        [0, 1],
        [2, 3],
        [4, 5],
      ],
      tracks: [0, 0, 0],
    },
    {
      name: "overlapping intervals take a track each",
      spans: [
        [0, 10],
        [5, 15],
        [8, 20],
      ],
      tracks: [0, 1, 2],
    },
    {
      name: "a freed track is reused",
      spans: [
        [0, 10],
        [5, 15],
        [11, 20],
      ],
      tracks: [0, 1, 0],
    },
    {
      name: "input order does not matter",
      spans: [
        [11, 20],
        [0, 10],
        [5, 15],
      ],
      tracks: [0, 0, 1],
    },
    {
      name: "touching intervals overlap (end is inclusive)",
      spans: [
        [0, 10],
        [10, 20],
      ],
      tracks: [0, 1],
    },
  ])("$name", ({ spans, tracks }) => {
    expect(packTracks(spans.map(([start, end]) => ({ start: start!, end: end! })))).toEqual(tracks);
  });
});

describe("groupCertificates", () => {
  const certs = [
    cert("h1", {
      vendor: "huawei",
      connectionId: "c3",
      connectionName: "Singapore",
      setId: "sp",
      setLabel: "SP",
    }),
    cert("cf-cur", { notBefore: "2026-01-01T00:00:00Z", notAfter: "2026-06-05T00:00:00Z" }),
    cert("cf-prev", {
      slot: "previous",
      notBefore: "2025-01-01T00:00:00Z",
      notAfter: "2026-02-01T00:00:00Z",
    }),
    cert("cf-b", { setId: "set-b", setLabel: "Another", setHref: "/certificates/c1/set-b" }),
    cert("cf2", { connectionId: "c2", connectionName: "Beta" }),
    cert("u1", {
      vendor: "uipath",
      connectionId: "c4",
      connectionName: "Org",
      setId: "saml",
      setLabel: "SAML",
    }),
  ];
  const groups = groupCertificates(certs, NOW, ["uipath", "cloudflare", "huawei"]);

  it("orders vendors as asked, connections and sets by name", () => {
    expect(groups.map((g) => g.vendor)).toEqual(["uipath", "cloudflare", "huawei"]);
    expect(groups[1]!.connections.map((c) => c.name)).toEqual(["Acme", "Beta"]);
    expect(groups[1]!.connections[0]!.lanes.map((l) => l.label)).toEqual(["Another", "Set A"]);
  });

  it("puts overlapping certificates of one set on separate tracks and gives each bar its status", () => {
    const lane = groups[1]!.connections[0]!.lanes[1]!;
    expect(lane.href).toBe("/certificates/c1/set-a");
    expect(lane.tracks).toBe(2);
    expect(lane.bars.map((b) => [b.cert.key, b.status, b.track])).toEqual([
      // An expired previous certificate: nothing depends on it, so housekeeping, not an outage.
      ["cf-prev", "housekeeping", 0],
      ["cf-cur", "lt7", 1],
    ]);
  });

  it("counts statuses per connection and vendor", () => {
    expect(groups[1]!.connections[0]!.counts).toMatchObject({ expired: 0, housekeeping: 1, lt7: 1, ok: 1 });
    expect(groups[1]!.counts).toMatchObject({ expired: 0, housekeeping: 1, lt7: 1, ok: 2 });
  });

  it("sorts unknown vendors last, alphabetically", () => {
    const odd = groupCertificates(
      [cert("z", { vendor: "zeta" }), cert("a", { vendor: "alpha" }), cert("u", { vendor: "uipath" })],
      NOW,
      ["uipath"],
    );
    expect(odd.map((g) => g.vendor)).toEqual(["uipath", "alpha", "zeta"]);
  });

  it.each([
    { name: "everything open", collapsed: [], kinds: "v c l v c l l c l v c l" },
    { name: "a vendor collapsed hides its connections", collapsed: ["v:cloudflare"], kinds: "v c l v v c l" },
    { name: "a connection collapsed hides its sets", collapsed: ["c:c1"], kinds: "v c l v c c l v c l" },
    { name: "all collapsed", collapsed: allGroupIds(groups), kinds: "v v v" },
  ])("flattenRows: $name", ({ collapsed, kinds }) => {
    const rows = flattenRows(groups, new Set(collapsed));
    expect(rows.map((r) => r.kind[0]).join(" ")).toBe(kinds);
    for (const row of rows) if (row.kind !== "lane") expect(row.collapsed).toBe(collapsed.includes(row.id));
  });

  it("row heights come from the data: headings fixed, lanes by tracks", () => {
    const rows = flattenRows(groups, new Set());
    const heights = rows.map(rowHeight);
    expect(heights[0]).toBe(HEADING_ROW_PX);
    const twoTracks = rows.findIndex((r) => r.kind === "lane" && r.lane.tracks === 2);
    expect(heights[twoTracks]! - heights[twoTracks - 1]!).toBeGreaterThan(0);
    expect(heights[twoTracks]).toBe(8 + 2 * TRACK_PX);
  });

  it("navigableBars lists visible certificates top to bottom, track by track", () => {
    const rows = flattenRows(groups, new Set(["v:huawei"]));
    expect(navigableBars(rows).map((b) => b.key)).toEqual(["u1", "cf-b", "cf-prev", "cf-cur", "cf2"]);
    expect(navigableBars(rows).every((b) => rows[b.rowIndex]!.kind === "lane")).toBe(true);
  });
});
