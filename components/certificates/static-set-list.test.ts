import { Virtualizer } from "@tanstack/react-virtual";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CertificateSetEntry } from "@/lib/certificates/list";
import type { ListedSlot } from "@/lib/certificates/listed-set";
import { certificateListFilterSchema } from "@/lib/certificates/schemas";
import type { CertificateList } from "@/lib/certificates/types";
import { estimateSetRowSize, firstScreenful, INITIAL_RECT, OVERSCAN } from "./set-list-layout";
import { StaticSetList } from "./static-set-list";

const READ_AT = "2026-11-23T12:00:00.000Z";
const DAY = 86_400_000;

function slot(i: number, name: string): ListedSlot {
  const hex = (i.toString(16).padStart(8, "0") + "AB".repeat(32)).slice(0, 64).toUpperCase();
  return {
    slot: name,
    vendorId: `${i}-${name}`,
    certificate: {
      sha1: hex.slice(0, 40),
      sha256: hex,
      subject: `CN=sso-${i}.example.com`,
      issuer: `CN=sso-${i}.example.com`,
      commonName: `sso-${i}.example.com`,
      serialNumber: "01",
      notBefore: new Date(Date.parse(READ_AT) - 400 * DAY).toISOString(),
      notAfter: new Date(Date.parse(READ_AT) + (30 + i) * DAY).toISOString(),
      keyAlgorithm: "RSA",
      keySize: 2048,
      signatureAlgorithm: "sha256WithRSAEncryption",
    },
  };
}

/** `count` sets; every third has one slot, the others two (rows of different heights). */
function entries(count: number): CertificateSetEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    connection: { id: "00000000-0000-4000-8000-000000000001", name: "Acme" },
    set: {
      id: `set-${String(i).padStart(4, "0")}`,
      connectionId: "00000000-0000-4000-8000-000000000001",
      vendor: "cloudflare" as const,
      kind: "cloudflare-saml" as const,
      label: `Set ${String(i).padStart(4, "0")}`,
      slots: i % 3 === 0 ? [slot(i, "current")] : [slot(i, "current"), slot(i, "previous")],
    },
  }));
}

const list = (count: number): CertificateList => ({
  entries: entries(count),
  neverRead: [],
  readAt: READ_AT,
});
const filter = (raw: Record<string, string> = {}) => certificateListFilterSchema.parse(raw);
const render = (props: Parameters<typeof StaticSetList>[0]) =>
  renderToStaticMarkup(createElement(StaticSetList, props));

describe("firstScreenful", () => {
  it("lays out the rows exactly as the virtualiser does before it measures anything", () => {
    for (const count of [0, 1, 5, 2_000]) {
      const all = entries(count);
      const virtualizer = new Virtualizer<HTMLElement, HTMLElement>({
        count,
        getScrollElement: () => null,
        estimateSize: (i) => estimateSetRowSize(all[i]),
        scrollToFn: () => {},
        observeElementRect: () => {},
        observeElementOffset: () => {},
        overscan: OVERSCAN,
        initialRect: INITIAL_RECT,
      });
      const { rows, totalSize } = firstScreenful(all);
      expect(rows.map((r) => [r.index, r.start])).toEqual(
        virtualizer.getVirtualItems().map((item) => [item.index, item.start]),
      );
      expect(totalSize).toBe(virtualizer.getTotalSize());
    }
  });

  it("renders a screenful whatever the list's length: 2,000 sets, no more rows than 20", () => {
    const { rows, totalSize } = firstScreenful(entries(2_000));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBe(firstScreenful(entries(200)).rows.length);
    expect(totalSize).toBeGreaterThan(2_000 * 90);
  });
});

describe("StaticSetList (the list's first HTML)", () => {
  it("counts every kept set, renders only the first screenful with its position in the whole, and no PEM", () => {
    const html = render({ list: list(2_000), filter: filter() });
    expect(html).toContain("2000 of 2000 sets");
    const rows = html.match(/data-testid="certificate-set-row"/g) ?? [];
    expect(rows.length).toBe(firstScreenful(entries(2_000)).rows.length);
    expect(html).toContain('aria-setsize="2000"');
    expect(html).toContain('aria-posinset="1"');
    expect(html).toContain('aria-label="Certificate sets"');
    expect(html).toContain('href="/certificates/00000000-0000-4000-8000-000000000001/set-0000"');
    expect(html).not.toContain("BEGIN CERTIFICATE");
  });

  it("applies the filters on the server: search and sort decide the first rows", () => {
    const html = render({ list: list(50), filter: filter({ q: "Set 0042" }) });
    expect(html).toContain("1 of 50 sets");
    expect(html).toContain("Set 0042");
    expect(html).not.toContain("Set 0041");
  });

  it("says why there is nothing to show", () => {
    expect(render({ list: list(3), filter: filter({ q: "nothing like this" }) })).toContain(
      "No set matches these filters.",
    );
    expect(render({ list: { entries: [], neverRead: ["c"], readAt: READ_AT }, filter: filter() })).toContain(
      "Not read yet: the first read of the connections is under way.",
    );
    const late = render({
      list: { entries: [], neverRead: [], readAt: READ_AT },
      filter: filter(),
      late: true,
    });
    expect(late).toContain("0 of 0 sets · still waiting for the inventory…");
    expect(late).toContain("No certificate sets yet");
  });
});
