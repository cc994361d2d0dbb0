import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysLeft } from "@/lib/x509/expiry";
import { agoPhrase, daysAgo, expiryPhrase, formatUtcDate, formatUtcDateTime } from "./format";
import { readFixtureText } from "@/lib/x509/fixtures/read-fixtures";
import { certificateFindings } from "@/lib/x509/findings";
import { summarizeCertificatePem } from "@/lib/x509/summary";

const NOW = new Date("2026-11-27T12:00:00Z");

describe("time told one way", () => {
  it("formats every date in UTC and says so, whatever the process time zone", () => {
    const zone = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati"; // UTC+14: local date differs from UTC's for half the day
    try {
      expect(new Date("2026-11-27T12:00:00Z").getDate()).toBe(28); // the zone really applies
      expect(formatUtcDateTime("2026-11-27T12:00:00Z")).toBe("2026-11-27 12:00 UTC");
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(formatUtcDateTime("2026-11-27T03:40:07Z")).toBe("2026-11-27 03:40 UTC");
    expect(formatUtcDateTime("2026-11-27T03:40:07Z", { seconds: true })).toBe("2026-11-27 03:40:07 UTC");
    expect(formatUtcDate("2026-12-31T23:59:59Z")).toBe("2026-12-31");
    expect(formatUtcDate("not a date")).toBe("unknown date");
  });

  it("words an expiry from daysLeft, so the phrase and the day count never disagree", () => {
    expect(expiryPhrase("2026-11-29T11:00:00Z", NOW)).toBe("expires in 1 day"); // 47 h left
    expect(expiryPhrase("2026-11-29T13:00:00Z", NOW)).toBe("expires in 2 days");
    expect(expiryPhrase("2026-11-27T18:00:00Z", NOW)).toBe("expires today");
    expect(expiryPhrase("2026-11-27T12:00:00Z", NOW)).toBe("expired today");
    expect(expiryPhrase("2026-11-17T00:00:00Z", NOW)).toBe("expired 10 days ago");
    expect(expiryPhrase("2026-11-26T11:00:00Z", NOW)).toBe("expired 1 day ago");
  });

  it("agrees with daysLeft for every expiry in the future (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 * 86_400_000 }), (ms) => {
        const notAfter = new Date(NOW.getTime() + ms);
        const left = daysLeft(notAfter, NOW);
        const phrase = expiryPhrase(notAfter, NOW);
        return left === 0
          ? phrase === "expires today"
          : phrase === `expires in ${left} day${left === 1 ? "" : "s"}`;
      }),
    );
  });

  it("tells how long ago in the largest whole unit", () => {
    expect(agoPhrase("2026-11-27T11:59:30Z", NOW)).toBe("just now");
    expect(agoPhrase("2026-11-27T11:55:00Z", NOW)).toBe("5 minutes ago");
    expect(agoPhrase("2026-11-27T11:00:00Z", NOW)).toBe("1 hour ago");
    expect(agoPhrase("2026-11-24T12:00:00Z", NOW)).toBe("3 days ago");
  });
});

describe("one count of days for the same certificate", () => {
  it("the expiry finding and the expiry phrase say the same number of days ago", async () => {
    const summary = await summarizeCertificatePem(readFixtureText("expired.pem"));
    for (const hours of [1, 23, 25, 10.5 * 24, 11 * 24 - 1]) {
      const now = new Date(Date.parse(summary.notAfter) + hours * 3_600_000);
      const phrase = expiryPhrase(summary.notAfter, now); // "expired today" / "expired 10 days ago"
      const finding = certificateFindings(summary, { now }).find((f) => f.code === "EXPIRED")!;
      expect(finding.message).toContain(`(${phrase.replace("expired ", "")})`);
      expect(daysAgo(summary.notAfter, now)).toBe(Math.floor(hours / 24));
    }
  });
});
