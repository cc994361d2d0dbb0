import { describe, expect, it } from "vitest";
import { TIMELINE_STATUSES, type TimelineCertificate } from "@/lib/timeline/types";
import { barLabel, daysLeftText, formatThumbprint, isoDay } from "./describe-bar";
import { STATUS_STYLES } from "./status-style";

const NOW = new Date("2026-06-01T12:00:00Z");

describe("daysLeftText", () => {
  it.each([
    ["2026-06-11T12:00:00Z", "expires in 10 days"],
    ["2026-06-02T12:00:00Z", "expires in 1 day"],
    ["2026-06-01T18:00:00Z", "expires today"],
    ["2026-05-31T18:00:00Z", "expired today"],
    ["2026-05-31T06:00:00Z", "expired 1 day ago"],
    ["2026-05-20T12:00:00Z", "expired 12 days ago"],
  ])("%s → %s", (notAfter, text) => {
    expect(daysLeftText(notAfter, NOW)).toBe(text);
  });
});

describe("formatting", () => {
  it.each([
    ["ABCDEF", "AB:CD:EF"],
    ["A", "A"],
  ])("formatThumbprint(%s)", (hex, out) => expect(formatThumbprint(hex)).toBe(out));

  it("isoDay keeps the UTC date", () => expect(isoDay("2026-06-01T23:59:59.000Z")).toBe("2026-06-01"));

  it("barLabel says what the details panel says", () => {
    const cert: TimelineCertificate = {
      key: "k",
      vendor: "cloudflare",
      connectionId: "c",
      connectionName: "Acme",
      setId: "s",
      setLabel: "SAML set",
      setHref: "/x",
      slot: "current",
      sha256: "AB",
      subject: "CN=idp",
      commonName: "idp",
      notBefore: "2026-01-01T00:00:00Z",
      notAfter: "2026-06-05T12:00:00Z",
    };
    expect(barLabel({ cert, start: 0, end: 1, status: "lt7", track: 0 }, NOW)).toBe(
      "idp in SAML set (current), ≤ 7 days: 2026-01-01 to 2026-06-05, expires in 4 days",
    );
  });
});

describe("status styles: distinguishable without colour", () => {
  it.each(["label", "icon", "pattern"] as const)("every status has its own %s", (field) => {
    const values = TIMELINE_STATUSES.map((s) => STATUS_STYLES[s][field]);
    expect(new Set(values).size).toBe(TIMELINE_STATUSES.length);
    for (const value of values) expect(value).toBeTruthy();
  });
});
