import { describe, expect, it } from "vitest";
import type { InventoryCertificate } from "../types";
import { alertMessage } from "./fire";

const now = new Date("2026-06-01T12:00:00.000Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString();

const cert = (notAfter: string): InventoryCertificate => ({
  key: "c/s/AB",
  vendor: "uipath",
  connectionId: "c",
  connectionName: "Contoso",
  setId: "saml",
  setLabel: "SAML signing certificates of contoso",
  setHref: "/certificates/c/saml",
  slot: "primary",
  role: "signs-now",
  sha256: "ABCDEF0123456789".repeat(4),
  sha1: "AB".repeat(20),
  subject: "CN=idp.contoso.example",
  commonName: "idp.contoso.example",
  issuer: "CN=idp.contoso.example",
  serialNumber: "01",
  notBefore: "2025-01-01T00:00:00.000Z",
  notAfter,
  keyAlgorithm: "RSA",
  signatureAlgorithm: "sha256WithRSAEncryption",
  firstSeenAt: "2026-01-01T00:00:00.000Z",
  lastSeenAt: "2026-06-01T00:00:00.000Z",
});

describe("alert text", () => {
  it.each([
    [7, "expires in 2 days, on 2026-06-03 (UTC)", 2 * 24 + 1],
    [7, "expires in 1 day, on 2026-06-02 (UTC)", 30],
    [7, "expires today, on 2026-06-01 (UTC)", 5],
    ["expired", "expired today, on 2026-06-01 (UTC)", -5],
    ["expired", "expired 3 days ago, on 2026-05-29 (UTC)", -3 * 24 - 1],
  ] as const)("threshold %s: says the days once (%s)", (threshold, phrase, hours) => {
    const { text } = alertMessage(cert(at(hours)), threshold, now);
    expect(text).toContain(`(slot primary) ${phrase}.`);
    // One count of days, from one function: never "in 2 days (2 days left)".
    expect(text).not.toMatch(/left\)/);
    expect(text.match(/\d+ days?\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it("says that sign-in fails only once it has expired", () => {
    expect(alertMessage(cert(at(-5)), "expired", now).text).toContain("Sign-in that depends on it fails");
    expect(alertMessage(cert(at(50)), 7, now).text).not.toContain("fails");
  });
});
