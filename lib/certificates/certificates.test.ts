import { describe, expect, it } from "vitest";
import type { CertificateSet, CertificateSlot } from "@/lib/vendors/model";
import type { CertificateSummary } from "@/lib/x509/summary";
import { describeConsequence } from "./consequence";
import { filterCertificateSets, type CertificateSetEntry } from "./list";
import { certificateListFilterSchema } from "./schemas";
import { setStatus, slotStatus, validCertificates } from "./status";

const NOW = new Date("2026-11-23T12:00:00Z");
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();

function cert(cn: string, sha256: string, notAfter: string, notBefore = day(-365)): CertificateSummary {
  return {
    pem: "",
    sha1: sha256.slice(0, 40),
    sha256,
    subject: `CN=${cn}`,
    issuer: `CN=${cn}`,
    commonName: cn,
    serialNumber: "01",
    version: 3,
    notBefore,
    notAfter,
    keyAlgorithm: "RSA",
    keySize: 2048,
    signatureAlgorithm: "sha256WithRSAEncryption",
    signatureAlgorithmName: "RSA with SHA-256",
    subjectAltNames: [],
    keyUsage: [],
    extendedKeyUsage: [],
    selfSigned: true,
  };
}
const slot = (
  name: string,
  certificate: CertificateSummary | null,
  extra: Partial<CertificateSlot> = {},
): CertificateSlot => ({ slot: name, certificate, ...extra });
const set = (id: string, vendor: CertificateSet["vendor"], slots: CertificateSlot[]): CertificateSet => ({
  id,
  connectionId: "c",
  vendor,
  kind: vendor === "cloudflare" ? "cloudflare-saml" : vendor === "uipath" ? "uipath-saml" : "huawei-sp",
  label: id,
  slots,
  actions: [],
});
const entry = (s: CertificateSet, connection = "Prod"): CertificateSetEntry => ({
  set: s,
  connection: { id: `${connection}-id`, name: connection },
});

const cfSet = set("cf-set", "cloudflare", [
  slot("current", cert("cf-current", "AA11".repeat(16), day(200))),
  slot("previous", cert("cf-previous", "4F2A9C01".repeat(8), day(20))),
]);
const uiSet = set("ui-set", "uipath", [
  slot("primary", cert("ui-primary", "BB22".repeat(16), day(5))),
  slot("secondary", null),
]);
const hwSet = set("hw-sp", "huawei", [
  slot("cer-1", cert("hw-active", "CC33".repeat(16), day(400)), { state: "ACTIVE", vendorId: "cer-1" }),
  slot("cer-2", cert("hw-old", "DD44".repeat(16), day(-3)), { state: "INACTIVE", vendorId: "cer-2" }),
]);

describe("certificate status", () => {
  it.each([
    [slot("primary", cert("a", "00", day(-1))), "expired"],
    [slot("primary", cert("a", "00", day(6))), "lt7"],
    [slot("primary", cert("a", "00", day(29))), "lt30"],
    [slot("primary", cert("a", "00", day(59))), "lt60"],
    [slot("primary", cert("a", "00", day(61))), "ok"],
    [slot("x", cert("a", "00", day(400)), { state: "INACTIVE" }), "inactive"],
    [slot("previous", cert("a", "00", day(400))), "inactive"],
    // Nothing depends on a previous or INACTIVE certificate: expiring or expired is housekeeping.
    [slot("previous", cert("a", "00", day(10))), "housekeeping"],
    [slot("x", cert("a", "00", day(-10)), { state: "INACTIVE" }), "housekeeping"],
    [slot("x", cert("a", "00", day(100)), { state: "EXPIRED" }), "housekeeping"],
    [slot("x", cert("a", "00", day(-1)), { state: "ACTIVE" }), "expired"],
    [slot("secondary", null), "empty"],
  ] as const)("slot %# is %s", (s, expected) => {
    expect(slotStatus(s, NOW)).toBe(expected);
  });

  it("a set takes its most urgent slot's status", () => {
    // The expired INACTIVE and the expiring previous certificates are housekeeping; what signs
    // now is fine, so the sets are fine.
    expect(setStatus(cfSet, NOW)).toBe("ok");
    expect(setStatus(hwSet, NOW)).toBe("ok");
    expect(setStatus(uiSet, NOW)).toBe("lt7");
  });

  it("knows which certificates still validate", () => {
    expect(validCertificates(hwSet, NOW).map((s) => s.vendorId)).toEqual(["cer-1"]);
  });
});

describe("filterCertificateSets", () => {
  const all = [entry(cfSet, "Cloudflare prod"), entry(uiSet, "UiPath prod"), entry(hwSet, "Huawei SG")];
  const run = (raw: Record<string, string>) =>
    filterCertificateSets(all, certificateListFilterSchema.parse(raw), NOW).map((e) => e.set.id);

  it("sorts by soonest expiry by default", () => {
    expect(run({})).toEqual(["hw-sp", "ui-set", "cf-set"]);
  });
  it("filters by vendor, by status of any slot and by search on thumbprints with colons", () => {
    expect(run({ vendor: "uipath" })).toEqual(["ui-set"]);
    expect(run({ status: "lt30" })).toEqual([]);
    expect(run({ status: "housekeeping" })).toEqual(["hw-sp", "cf-set"]);
    expect(run({ status: "inactive" })).toEqual([]);
    expect(run({ q: "4F:2A:9C:01" })).toEqual(["cf-set"]);
    expect(run({ q: "hw-active" })).toEqual(["hw-sp"]);
  });
  it("ignores unknown filter values instead of failing", () => {
    expect(run({ vendor: "aws", status: "soon", sort: "random" })).toHaveLength(3);
  });
  it("sorts by urgency", () => {
    // The UiPath primary due in 5 days first; then by the date sign-in can break (200 < 400 days).
    expect(run({ sort: "status" })).toEqual(["ui-set", "cf-set", "hw-sp"]);
  });
});

describe("describeConsequence", () => {
  it("names the previous certificate a rotation drops, with its expiry", () => {
    const text = describeConsequence(cfSet, "rotate");
    expect(text).toContain("drops the previous certificate 4F:2A:9C:01:…");
    expect(text).toContain("expires 2026-12-13");
    expect(text).toContain("current certificate AA:11:AA:11:… (cf-current");
  });
  it("says a new SP certificate starts INACTIVE and activation deactivates the active one", () => {
    expect(describeConsequence(hwSet, "create-sp-certificate")).toMatch(/starts INACTIVE/);
    expect(describeConsequence(hwSet, "activate", "cer-2")).toMatch(
      /DD:44:DD:44:… .* the active CC:33:CC:33:… .* becomes INACTIVE/,
    );
  });
  it("names what an upload replaces", () => {
    expect(describeConsequence(uiSet, "upload-primary")).toContain("BB:22:BB:22:…");
    expect(describeConsequence(uiSet, "upload-secondary")).not.toContain("replacing");
  });
});
