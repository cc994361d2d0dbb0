import { describe, expect, it } from "vitest";
import { certificateStatus } from "./status";
import { countByStatus, nextExpiries, whatBreaksNext } from "./summary";
import type { TimelineCertificate } from "./types";

const NOW = new Date("2026-06-01T00:00:00Z");
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

function cert(key: string, days: number, over: Partial<TimelineCertificate> = {}): TimelineCertificate {
  return {
    key,
    vendor: "huawei",
    connectionId: "c",
    connectionName: "C",
    setId: "s",
    setLabel: "S",
    setHref: "/s",
    slot: "x",
    sha256: "00",
    subject: "CN=x",
    notBefore: inDays(-300),
    notAfter: inDays(days),
    ...over,
  };
}

describe("certificateStatus", () => {
  it.each([
    { name: "expired", days: -1, over: {}, status: "expired" },
    { name: "expires right now", days: 0, over: {}, status: "expired" },
    { name: "7 days left", days: 7, over: {}, status: "lt7" },
    { name: "8 days left", days: 8, over: {}, status: "lt30" },
    { name: "30 days left", days: 30, over: {}, status: "lt30" },
    { name: "60 days left", days: 60, over: {}, status: "lt60" },
    { name: "61 days left", days: 61, over: {}, status: "ok" },
    { name: "Huawei INACTIVE, far from expiry", days: 200, over: { state: "INACTIVE" }, status: "inactive" },
    { name: "Cloudflare previous", days: 200, over: { slot: "previous" }, status: "inactive" },
    { name: "UiPath secondary", days: 200, over: { slot: "secondary" }, status: "inactive" },
    // Nothing depends on a parked certificate: expiring or expired, it is housekeeping.
    {
      name: "parked and about to expire is housekeeping",
      days: 5,
      over: { slot: "secondary" },
      status: "housekeeping",
    },
    {
      name: "parked and expired is housekeeping",
      days: -5,
      over: { state: "INACTIVE" },
      status: "housekeeping",
    },
    {
      name: "vendor says EXPIRED though the date is ahead: the vendor's word",
      days: 20,
      over: { state: "EXPIRED" },
      status: "housekeeping",
    },
    { name: "Huawei ACTIVE expired is an outage", days: -1, over: { state: "ACTIVE" }, status: "expired" },
  ])("$name → $status", ({ days, over, status }) => {
    expect(certificateStatus(cert("k", days, over), NOW)).toBe(status);
  });
});

describe("countByStatus", () => {
  it("counts every bucket, zero included", () => {
    const certs = [
      cert("a", -3),
      cert("b", 3),
      cert("c", 20),
      cert("d", 45),
      cert("e", 400),
      cert("f", 400, { state: "INACTIVE" }),
      cert("g", 2),
    ];
    expect(countByStatus(certs, NOW)).toEqual({
      expired: 1,
      lt7: 2,
      lt30: 1,
      lt60: 1,
      ok: 1,
      housekeeping: 0,
      inactive: 1,
    });
    expect(countByStatus([], NOW)).toEqual({
      expired: 0,
      lt7: 0,
      lt30: 0,
      lt60: 0,
      ok: 0,
      housekeeping: 0,
      inactive: 0,
    });
  });
});

describe("nextExpiries", () => {
  it.each([
    {
      name: "soonest first, expired left out",
      days: [-2, 30, 5, 400, 1],
      limit: 10,
      keys: ["k4", "k2", "k1", "k3"],
    },
    { name: "limited", days: [9, 8, 7, 6, 5], limit: 2, keys: ["k4", "k3"] },
    { name: "nothing left", days: [-1], limit: 10, keys: [] },
  ])("$name", ({ days, limit, keys }) => {
    const result = nextExpiries(
      days.map((d, i) => cert(`k${i}`, d)),
      NOW,
      limit,
    );
    expect(result.map((r) => r.cert.key)).toEqual(keys);
  });

  it("gives the status and whole days left", () => {
    expect(nextExpiries([cert("a", 5.5)], NOW)[0]).toMatchObject({ status: "lt7", daysLeft: 5 });
  });
});

describe("what breaks next", () => {
  const inSet = (setId: string, key: string, days: number, over: Partial<TimelineCertificate> = {}) =>
    cert(key, days, { setId, setLabel: setId, ...over });
  const certs = [
    // Cloudflare: the previous expired (housekeeping), the current fine.
    inSet("cf", "cf-prev", -10, { slot: "previous", role: "kept-during-rotation" }),
    inSet("cf", "cf-cur", 200, { slot: "current", role: "signs-now" }),
    // Huawei SP: the vendor marks one EXPIRED, the ACTIVE one expires in 20 days.
    inSet("sp", "sp-old", -40, { slot: "cer-1", state: "EXPIRED", role: "expired-at-vendor" }),
    inSet("sp", "sp-act", 20, { slot: "cer-2", state: "ACTIVE", role: "signs-now" }),
    // An IdP's only certificate, 2 days left.
    inSet("kc", "kc-1", 2, { slot: "idp-1", role: "trusted-for-validation" }),
    // A UiPath primary 4 days left, its secondary expired (standby: housekeeping).
    inSet("ui", "ui-p", 4, { slot: "primary", role: "signs-now" }),
    inSet("ui", "ui-s", -1, { slot: "secondary", role: "standby" }),
    // An outage: a primary expired.
    inSet("fab", "fab-p", -3, { slot: "primary", role: "signs-now" }),
    // Another IdP with two certificates, the earlier in 45 days.
    inSet("okta", "okta-1", 45, { slot: "idp-2", role: "trusted-for-validation" }),
    inSet("okta", "okta-2", 700, { slot: "idp-3", role: "trusted-for-validation" }),
  ];

  it("orders outages, then 7 / 30 / 60 days, with the next date; housekeeping apart", () => {
    const summary = whatBreaksNext(certs, NOW);
    expect(summary.outages.map((s) => s.cert.setId)).toEqual(["fab"]);
    expect(summary.within7.map((s) => s.cert.setId)).toEqual(["kc", "ui"]);
    expect(summary.within30.map((s) => s.cert.setId)).toEqual(["sp"]);
    expect(summary.within60.map((s) => s.cert.setId)).toEqual(["okta"]);
    expect(summary.next?.cert.setId).toBe("kc");
    expect(summary.next?.breaks.at).toBe(inDays(2));
    expect(summary.housekeeping).toBe(3);
  });

  it("counts by impact: only what sign-in depends on is expired or due", () => {
    expect(countByStatus(certs, NOW)).toEqual({
      expired: 1,
      lt7: 2,
      lt30: 1,
      lt60: 1,
      ok: 2,
      housekeeping: 3,
      inactive: 0,
    });
  });

  it("next expiries list only what sign-in depends on", () => {
    expect(nextExpiries(certs, NOW, 3).map((e) => e.cert.key)).toEqual(["kc-1", "ui-p", "sp-act"]);
  });

  it("an empty inventory breaks nothing", () => {
    expect(whatBreaksNext([], NOW)).toEqual({
      outages: [],
      within7: [],
      within30: [],
      within60: [],
      next: null,
      housekeeping: 0,
      emptySets: 0,
    });
  });

  it("an empty set is an outage only where sign-in goes through it; every empty set is counted", () => {
    const empty = {
      vendor: "huawei" as const,
      connectionName: "Store",
      setHref: "/certificates/c/x",
      firstSeenAt: "2026-11-01T00:00:00.000Z",
    };
    const summary = whatBreaksNext([], NOW, [
      {
        ...empty,
        key: "c/idp:a",
        setId: "idp:a",
        setLabel: "IdP a",
        setKind: "huawei-idp",
        signInFails: true,
      },
      {
        ...empty,
        key: "c/idp:b",
        setId: "idp:b",
        setLabel: "IdP b",
        setKind: "huawei-idp",
        signInFails: false,
      },
      { ...empty, key: "c/sp", setId: "sp", setLabel: "SP", setKind: "huawei-sp", signInFails: false },
    ]);
    expect(summary.outages.map((o) => [o.cert.setId, o.breaks.at, o.breaks.outage])).toEqual([
      ["idp:a", "2026-11-01T00:00:00.000Z", true],
    ]);
    expect(summary.outages[0]!.breaks.reason).toMatch(
      /^No certificate installed: .*sign-in through it fails/,
    );
    expect(summary).toMatchObject({ within7: [], within30: [], within60: [], next: null, emptySets: 3 });
  });
});
