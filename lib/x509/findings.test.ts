import { describe, expect, it } from "vitest";
import { certificateFindings, daysLeft, expiryStatus, type FindingContext } from "./findings";
import { readFixtureText } from "./fixtures/read-fixtures";
import { summarizeCertificatePem, type CertificateSummary } from "./summary";
import { formatThumbprint } from "./thumbprint";

// The fixtures have fixed validity dates; the tests fix "now" to match them.
// A vendor's limit as callers pass it (lib/vendors descriptors: 10 years where none is documented).
const TEN_YEARS = 3653;
const limit = (limitOwner: string) => ({ maxValidityDays: TEN_YEARS, limitOwner });
const NOW = new Date("2026-06-01T00:00:00Z");
const DAY = 86_400_000;
const summary = (file: string) => summarizeCertificatePem(readFixtureText(file));
const codes = async (file: string, context: Partial<FindingContext> = {}) =>
  certificateFindings(await summary(file), { now: NOW, ...context }).map(
    (finding) => `${finding.severity}:${finding.code}`,
  );

describe("certificateFindings", () => {
  it.each([
    ["rsa2048.pem", ["info:SELF_SIGNED"]],
    ["leaf.pem", []],
    ["expired.pem", ["critical:EXPIRED", "info:SELF_SIGNED"]],
    ["not-yet-valid.pem", ["critical:NOT_YET_VALID", "info:SELF_SIGNED"]],
    ["expiring-soon.pem", ["warning:EXPIRES_WITHIN_30_DAYS", "info:SELF_SIGNED"]],
    ["rsa1024.pem", ["critical:WEAK_RSA_KEY", "info:SELF_SIGNED"]],
    ["sha1-rsa.pem", ["warning:SHA1_SIGNATURE", "info:SELF_SIGNED"]],
    ["md5-rsa.pem", ["critical:MD5_SIGNATURE", "info:SELF_SIGNED"]],
    ["ed25519.pem", ["info:SELF_SIGNED"]],
    ["rsa4096.pem", ["info:SELF_SIGNED"]],
  ])("%s → %j", async (file, expected) => {
    expect(await codes(file)).toEqual(expected);
  });

  it("warns when validity exceeds the vendor's limit, or an explicit limit", async () => {
    expect(await codes("long-validity.pem", limit("Huawei Cloud"))).toContain("warning:VALIDITY_TOO_LONG");
    expect(await codes("long-validity.pem")).not.toContain("warning:VALIDITY_TOO_LONG");
    expect(await codes("rsa2048.pem", limit("UiPath"))).not.toContain("warning:VALIDITY_TOO_LONG");
    expect(await codes("rsa2048.pem", { ...limit("UiPath"), maxValidityDays: 397 })).toContain(
      "warning:VALIDITY_TOO_LONG",
    );
    const [finding] = certificateFindings(await summary("long-validity.pem"), {
      now: NOW,
      ...limit("Cloudflare"),
    }).filter((f) => f.code === "VALIDITY_TOO_LONG");
    expect(finding?.message).toBe(
      `Valid for 36,524 days; Cloudflare accepts at most ${TEN_YEARS.toLocaleString("en-US")} days.`,
    );
  });

  it("flags a duplicate of a certificate already in the slot, whatever the thumbprint's format", async () => {
    const cert = await summary("rsa2048.pem");
    const existing = [formatThumbprint(cert.sha256, "colon").toLowerCase()];
    expect(certificateFindings(cert, { now: NOW, existingSha256: existing }).map((f) => f.code)).toContain(
      "DUPLICATE_CERTIFICATE",
    );
    expect(
      certificateFindings(cert, { now: NOW, existingSha256: ["00".repeat(32)] }).map((f) => f.code),
    ).not.toContain("DUPLICATE_CERTIFICATE");
  });

  it("steps through 60 / 30 / 7 days and expiry as time passes", async () => {
    const cert: CertificateSummary = await summary("rsa2048.pem");
    const at = (daysBefore: number) => new Date(Date.parse(cert.notAfter) - daysBefore * DAY);
    const first = (now: Date) => certificateFindings(cert, { now })[0];
    expect(first(at(61))?.code).toBe("SELF_SIGNED");
    expect(first(at(45))).toMatchObject({ code: "EXPIRES_WITHIN_60_DAYS", severity: "info" });
    expect(first(at(20))).toMatchObject({
      code: "EXPIRES_WITHIN_30_DAYS",
      severity: "warning",
      message: expect.stringMatching(/in 20 days/),
    });
    expect(first(at(1))).toMatchObject({
      code: "EXPIRES_WITHIN_7_DAYS",
      severity: "critical",
      message: expect.stringMatching(/in 1 day:/),
    });
    expect(first(at(-3))).toMatchObject({ code: "EXPIRED", message: expect.stringMatching(/3 days ago/) });
  });

  it("words expiry for an upload as what happens once it is installed, never as a sign-in failure now", async () => {
    const cert: CertificateSummary = await summary("rsa2048.pem");
    const at = (daysBefore: number) => new Date(Date.parse(cert.notAfter) - daysBefore * DAY);
    const upload = (now: Date) => certificateFindings(cert, { now, use: "upload" })[0]!;
    const installed = (now: Date) => certificateFindings(cert, { now })[0]!;
    for (const now of [at(-3), at(1), at(3), at(20)]) {
      expect(upload(now).code).toBe(installed(now).code);
      expect(upload(now).severity).toBe(installed(now).severity);
      expect(upload(now).message).not.toMatch(
        /sign-in that relies on it fails|rotate it now|plan the rotation/,
      );
      expect(upload(now).message).toMatch(/^[A-Z].*[.]$/);
    }
    expect(upload(at(-3)).message).toMatch(
      /^Expired on \d{4}-\d{2}-\d{2} \(3 days ago\): .*once installed nothing could rely on it\.$/,
    );
    expect(upload(at(3)).message).toMatch(
      /in 3 days: if it is installed, .* on that date .* within 3 days\.$/,
    );
    expect(upload(at(20)).message).toMatch(
      /in 20 days: if it is installed, plan its replacement before that date\.$/,
    );
    // A certificate already in a set keeps the words its role rules refine (lib/certificates/finding-impact).
    expect(installed(at(-3)).message).toMatch(/sign-in that relies on it fails/);
    expect(installed(at(3)).message).toMatch(/in 3 days: rotate it now\.$/);
  });

  it("speaks in sentences and never says 'invalid input'", async () => {
    for (const finding of certificateFindings(await summary("md5-rsa.pem"), { now: NOW })) {
      expect(finding.message).toMatch(/^[A-Z].*[.]$/);
    }
  });
});

describe("expiryStatus and daysLeft", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const after = (ms: number) => new Date(now.getTime() + ms).toISOString();

  it.each([
    [-DAY, "expired", -1],
    [0, "expired", 0],
    [1, "lt7", 0],
    [7 * DAY, "lt7", 7],
    [7 * DAY + 1, "lt30", 7],
    [30 * DAY, "lt30", 30],
    [30 * DAY + 1, "lt60", 30],
    [60 * DAY, "lt60", 60],
    [60 * DAY + 1, "ok", 60],
    [400 * DAY, "ok", 400],
  ])("notAfter = now + %d ms → %s, %d days left", (offset, status, days) => {
    expect(expiryStatus(after(offset), now)).toBe(status);
    expect(expiryStatus(new Date(now.getTime() + offset), now)).toBe(status);
    expect(daysLeft(after(offset), now)).toBe(days);
  });

  it("treats an unreadable date as expired rather than ok", () => {
    expect(expiryStatus("not a date", now)).toBe("expired");
  });
});
