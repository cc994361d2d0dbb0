import { describe, expect, it } from "vitest";
import { breaksAt, certificateImpact, signInDependsOn, type RoledCertificate } from "./breaks-at";

const NOW = new Date("2026-11-27T12:00:00Z");
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();
const c = (slot: string, days: number, over: Partial<RoledCertificate> = {}): RoledCertificate => ({
  slot,
  notAfter: inDays(days),
  ...over,
});

describe("breaksAt", () => {
  it("a dependent certificate that expired is an outage now", () => {
    const result = breaksAt(
      [c("primary", -2, { role: "signs-now" }), c("secondary", 300, { role: "standby" })],
      NOW,
    );
    expect(result).toMatchObject({ at: inDays(-2), outage: true });
    expect(result.reason).toMatch(/primary certificate signs now and has expired: sign-in fails/);
  });

  it("a dependent certificate expiring sets the date; standby and rotation leftovers do not", () => {
    const uipath = breaksAt(
      [c("primary", 4, { role: "signs-now" }), c("secondary", 1, { role: "standby" })],
      NOW,
    );
    expect(uipath).toMatchObject({ at: inDays(4), outage: false });
    expect(uipath.reason).toMatch(/sign-in breaks when it expires/);
    const cloudflare = breaksAt(
      [c("current", 90, { role: "signs-now" }), c("previous", 3, { role: "kept-during-rotation" })],
      NOW,
    );
    expect(cloudflare.at).toBe(inDays(90));
  });

  it("only non-dependent certificates expired: no date, no outage", () => {
    const result = breaksAt(
      [
        c("cer-1", -30, { role: "expired-at-vendor", state: "EXPIRED" }),
        c("cer-2", -1, { role: "inactive", state: "INACTIVE" }),
      ],
      NOW,
    );
    expect(result).toEqual({ at: null, outage: false, reason: expect.stringMatching(/Nothing in this set/) });
  });

  it("an empty set has no date", () => {
    expect(breaksAt([], NOW)).toEqual({ at: null, outage: false, reason: "The set holds no certificate." });
  });

  it("several IdP certificates: the earliest valid one can break sign-in, expired ones do not", () => {
    const trusted = { role: "trusted-for-validation" } as const;
    const result = breaksAt([c("a", -10, trusted), c("b", 20, trusted), c("c", 400, trusted)], NOW);
    expect(result).toMatchObject({ at: inDays(20), outage: false });
    expect(result.reason).toMatch(/One of 2 trusted IdP certificates/);
    const only = breaksAt([c("a", -10, trusted), c("b", 2, trusted)], NOW);
    expect(only).toMatchObject({ at: inDays(2), outage: false });
    expect(only.reason).toMatch(/The IdP's only valid trusted certificate/);
    const none = breaksAt([c("a", -10, trusted), c("b", -3, trusted)], NOW);
    expect(none).toMatchObject({ at: inDays(-3), outage: true });
    expect(none.reason).toMatch(/All 2 trusted IdP signing certificates have expired/);
  });

  it("an outage wins over a later or earlier upcoming date", () => {
    const result = breaksAt(
      [c("x", 1, { role: "trusted-for-validation" }), c("y", -1, { role: "signs-now", state: "ACTIVE" })],
      NOW,
    );
    expect(result.outage).toBe(true);
  });

  it("rows stored before roles: parked slots and vendor EXPIRED are not depended on", () => {
    expect(breaksAt([c("previous", -1), c("current", 40)], NOW).at).toBe(inDays(40));
    expect(breaksAt([c("cer-1", 5, { state: "EXPIRED" })], NOW).at).toBeNull();
  });

  it("the expiry boundary: exactly now is expired", () => {
    expect(breaksAt([c("primary", 0, { role: "signs-now" })], NOW).outage).toBe(true);
  });
});

describe("certificateImpact", () => {
  it.each([
    { name: "signs now, expired", cert: c("p", -1, { role: "signs-now" }), impact: "expired" },
    { name: "signs now, 2 days", cert: c("p", 2, { role: "signs-now" }), impact: "lt7" },
    { name: "signs now, 20 days", cert: c("p", 20, { role: "signs-now" }), impact: "lt30" },
    { name: "signs now, 50 days", cert: c("p", 50, { role: "signs-now" }), impact: "lt60" },
    { name: "standby expired", cert: c("s", -1, { role: "standby" }), impact: "housekeeping" },
    { name: "previous expiring", cert: c("s", 3, { role: "kept-during-rotation" }), impact: "housekeeping" },
    { name: "inactive far", cert: c("s", 300, { role: "inactive" }), impact: "inactive" },
    {
      name: "vendor EXPIRED with a date ahead",
      cert: c("s", 20, { role: "expired-at-vendor", state: "EXPIRED" }),
      impact: "housekeeping",
    },
  ] as const)("$name → $impact", ({ cert, impact }) => {
    expect(certificateImpact(cert, [cert], NOW)).toBe(impact);
  });

  it("an expired IdP certificate is housekeeping while another trusted one is valid, an outage otherwise", () => {
    const expired = c("a", -5, { role: "trusted-for-validation" });
    const valid = c("b", 100, { role: "trusted-for-validation" });
    expect(certificateImpact(expired, [expired, valid], NOW)).toBe("housekeeping");
    expect(signInDependsOn(expired, [expired, valid], NOW)).toBe(false);
    expect(certificateImpact(expired, [expired], NOW)).toBe("expired");
  });
});
