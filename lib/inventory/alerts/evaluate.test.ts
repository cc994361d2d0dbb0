import { describe, expect, it } from "vitest";
import { dueAlerts, inScope, reachedThreshold, retryDelayMs } from "./evaluate";
import { DEFAULT_THRESHOLDS } from "./schemas";

const now = new Date("2026-06-01T00:00:00.000Z");
const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString();

describe("thresholds", () => {
  it.each([
    [90, null],
    [60, 60],
    [45, 60],
    [30, 30],
    [8, 30],
    [7, 7],
    [0.5, 7],
    [0, "expired"],
    [-3, "expired"],
  ])("%s days left reaches %s", (days, expected) => {
    expect(reachedThreshold(DEFAULT_THRESHOLDS, inDays(days), now)).toBe(expected);
  });

  it("without an expired threshold, an expired certificate reaches the smallest one", () => {
    expect(reachedThreshold([30, 7], inDays(-1), now)).toBe(7);
  });
});

describe("due alerts", () => {
  const rule = {
    id: "r",
    thresholds: DEFAULT_THRESHOLDS,
    scopeVendor: null,
    scopeConnectionId: null,
    scopeSetId: null,
  };
  const cert = (
    key: string,
    days: number,
    over: Partial<{ vendor: "uipath" | "cloudflare" | "huawei"; connectionId: string; setId: string }> = {},
  ) => ({
    key,
    vendor: "cloudflare" as const,
    connectionId: "c1",
    setId: "s1",
    notAfter: inDays(days),
    ...over,
  });

  it("scopes by vendor, connection and set", () => {
    expect(inScope({ ...rule, scopeVendor: "uipath" }, cert("a", 1))).toBe(false);
    expect(inScope({ ...rule, scopeConnectionId: "c1", scopeSetId: "s1" }, cert("a", 1))).toBe(true);
    expect(inScope({ ...rule, scopeConnectionId: "c1", scopeSetId: "s2" }, cert("a", 1))).toBe(false);
  });

  it("gives each certificate its most urgent threshold only", () => {
    expect(dueAlerts([rule], [cert("a", 5), cert("b", 100), cert("c", 40)], now)).toEqual([
      { ruleId: "r", certificateKey: "a", threshold: 7 },
      { ruleId: "r", certificateKey: "c", threshold: 60 },
    ]);
  });

  it("backs off and then gives up", () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([60_000, 300_000, 1_800_000, 7_200_000, null]);
  });
});

describe("due alerts follow what sign-in depends on", () => {
  const rule = {
    id: "r",
    thresholds: DEFAULT_THRESHOLDS,
    scopeVendor: null,
    scopeConnectionId: null,
    scopeSetId: null,
  };
  const base = { vendor: "huawei" as const, connectionId: "c1" };

  it("an expired previous, standby, INACTIVE or vendor-EXPIRED certificate does not alert; what signs now does", () => {
    const certs = [
      {
        ...base,
        key: "prev",
        setId: "cf",
        slot: "previous",
        role: "kept-during-rotation" as const,
        notAfter: inDays(-3),
      },
      { ...base, key: "cur", setId: "cf", slot: "current", role: "signs-now" as const, notAfter: inDays(2) },
      { ...base, key: "sec", setId: "ui", slot: "secondary", role: "standby" as const, notAfter: inDays(1) },
      { ...base, key: "old", setId: "sp", slot: "cer-1", state: "EXPIRED", notAfter: inDays(-1) },
      { ...base, key: "ina", setId: "sp", slot: "cer-2", state: "INACTIVE", notAfter: inDays(5) },
    ];
    expect(dueAlerts([rule], certs, now)).toEqual([{ ruleId: "r", certificateKey: "cur", threshold: 7 }]);
  });

  it("an expired IdP certificate alerts only when no trusted one is left", () => {
    const trusted = { ...base, setId: "idp", role: "trusted-for-validation" as const };
    const withValid = [
      { ...trusted, key: "a", slot: "a", notAfter: inDays(-1) },
      { ...trusted, key: "b", slot: "b", notAfter: inDays(300) },
    ];
    expect(dueAlerts([rule], withValid, now)).toEqual([]);
    const alone = [{ ...trusted, key: "a", slot: "a", notAfter: inDays(-1) }];
    expect(dueAlerts([rule], alone, now)).toEqual([
      { ruleId: "r", certificateKey: "a", threshold: "expired" },
    ]);
  });
});
