import { describe, expect, it } from "vitest";
import type { ExportRow } from "./export-rows";
import { toCsv, toIcs } from "./export-formats";

const now = new Date("2026-06-01T00:00:00.000Z");
const row = (over: Partial<ExportRow> = {}): ExportRow => ({
  key: "c/s/AB",
  vendor: "cloudflare",
  connectionId: "c",
  connectionName: "Acme, Inc.",
  setId: "s 1",
  setLabel: 'SAML "main"',
  setHref: "/certificates/c/s%201",
  slot: "current",
  sha256: "AB".repeat(32),
  sha1: "CD".repeat(20),
  subject: "CN==cmd|' /C calc'!A0,O=Acme",
  commonName: "idp.acme.test",
  issuer: "CN=Acme CA",
  serialNumber: "01",
  notBefore: "2025-01-01T00:00:00.000Z",
  notAfter: "2026-06-20T12:00:00.000Z",
  keyAlgorithm: "RSA",
  keySize: 2048,
  signatureAlgorithm: "sha256WithRSAEncryption",
  firstSeenAt: "2026-05-01T00:00:00.000Z",
  lastSeenAt: "2026-06-01T00:00:00.000Z",
  status: "lt30",
  daysLeft: 19,
  findings: [
    { code: "EXPIRES_WITHIN_30_DAYS", severity: "warning", message: "Expires in 19 days, on 2026-06-20." },
  ],
  stale: false,
  connectionLastSuccessAt: "2026-06-01T00:00:00.000Z",
  ...over,
});

describe("CSV export", () => {
  it("quotes commas and quotes, and defuses formulas", () => {
    const csv = toCsv([row(), row({ subject: "=HYPERLINK(1)" })]);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^vendor,connectionName,connectionId,setLabel/);
    expect(lines[1]).toContain('"Acme, Inc."');
    expect(lines[1]).toContain('"SAML ""main"""');
    expect(lines[1]).toContain("AB:AB:AB");
    expect(lines[1]).toContain("EXPIRES_WITHIN_30_DAYS");
    expect(lines[2]).toContain("'=HYPERLINK(1)");
  });
});

describe("ICS export", () => {
  it("lists upcoming expiries as all-day events with folded lines", () => {
    const ics = toIcs(
      [row(), row({ key: "gone", notAfter: "2026-05-01T00:00:00.000Z" })],
      now,
      "https://trustdeck.example",
    );
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain("DTSTART;VALUE=DATE:20260620\r\nDTEND;VALUE=DATE:20260621");
    expect(ics).toContain('SUMMARY:Certificate expires: idp.acme.test (Acme\\, Inc. · SAML "main")');
    expect(ics).toContain("URL:https://trustdeck.example/certificates/c/s%201");
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });
});
