import { describe, expect, it } from "vitest";
import { ERROR_CODES, type ErrorCode } from "@/lib/auth/error-codes";
import type { Finding } from "@/lib/x509/findings";
import { blockingFinding, nothingChangedAtVendor } from "./refusal";

const finding = (code: Finding["code"], severity: Finding["severity"] = "critical"): Finding => ({
  code,
  severity,
  message: code,
});

describe("blockingFinding", () => {
  it("picks an expired or duplicate certificate, whatever comes first", () => {
    expect(blockingFinding([finding("SELF_SIGNED", "info"), finding("EXPIRED")])?.code).toBe("EXPIRED");
    expect(blockingFinding([finding("DUPLICATE_CERTIFICATE", "warning")])?.code).toBe(
      "DUPLICATE_CERTIFICATE",
    );
  });

  it("lets warnings that Trustdeck does not refuse through", () => {
    expect(
      blockingFinding([
        finding("EXPIRES_WITHIN_7_DAYS"),
        finding("SHA1_SIGNATURE", "warning"),
        finding("WEAK_RSA_KEY"),
      ]),
    ).toBeUndefined();
    expect(blockingFinding([])).toBeUndefined();
  });
});

describe("nothingChangedAtVendor", () => {
  it.each<ErrorCode>([
    "expired",
    "duplicate-certificate",
    "unauthenticated",
    "vendor-validation",
    "vendor-permission",
    "unavailable",
    "network",
  ])("%s: refused, nothing changed", (code) => expect(nothingChangedAtVendor(code)).toBe(true));

  it.each<ErrorCode>([
    "ambiguous-write",
    "connection-lost",
    "timeout",
    "malformed-response",
    "internal",
    "write-unknown",
    "server-lost",
  ])("%s: the write may have happened", (code) => expect(nothingChangedAtVendor(code)).toBe(false));

  it("answers for every code", () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[])
      expect(typeof nothingChangedAtVendor(code)).toBe("boolean");
  });
});
