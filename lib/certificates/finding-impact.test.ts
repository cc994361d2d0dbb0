import { describe, expect, it } from "vitest";
import { findingsForImpact } from "./finding-impact";

const expired = {
  code: "EXPIRED",
  severity: "critical",
  message: "Expired on …: sign-in that relies on it fails.",
};
const weak = { code: "WEAK_RSA_KEY", severity: "warning", message: "Weak key." };

describe("findingsForImpact", () => {
  it("an outage keeps the critical finding", () => {
    expect(findingsForImpact([expired, weak], "expired")).toEqual([expired, weak]);
  });

  it("an expired certificate nothing depends on is low-severity housekeeping, never 'sign-in fails'", () => {
    const [finding, other] = findingsForImpact(
      [expired, weak],
      "housekeeping",
      "Kept during a rotation period.",
    );
    expect(finding).toMatchObject({ code: "EXPIRED", severity: "info" });
    expect(finding!.message).toMatch(
      /^Housekeeping: It has expired.*Kept during a rotation period\. Removing it is safe/,
    );
    expect(finding!.message).not.toMatch(/sign-in that relies on it fails/);
    expect(other).toEqual(weak);
  });

  it("an expiring inactive certificate is worded the same way", () => {
    const soon = { code: "EXPIRES_WITHIN_7_DAYS", severity: "critical", message: "rotate it now" };
    expect(findingsForImpact([soon], "inactive")[0]).toMatchObject({ severity: "info" });
  });
});
