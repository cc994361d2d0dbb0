import { describe, expect, it } from "vitest";
import * as x509 from "@peculiar/x509";
import { summarizeCertificatePem } from "@/lib/x509/summary";
import { allCertificateFindings, hiddenCharacterFindings } from "./findings";

async function selfSigned(name: string) {
  const alg = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
  const keys = await crypto.subtle.generateKey(alg, true, ["sign", "verify"]);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: "0a1b2c",
    name,
    notBefore: new Date("2026-01-01T00:00:00Z"),
    notAfter: new Date("2027-01-01T00:00:00Z"),
    keys,
    signingAlgorithm: alg,
  });
  return summarizeCertificatePem(cert.toString("pem"));
}

describe("hidden-character finding", () => {
  it("warns about a subject with a right-to-left override, naming it", async () => {
    const summary = await selfSigned("CN=login.exa\u202Eelpm\u202C.com, O=Example");
    const findings = allCertificateFindings(summary, { now: new Date("2026-06-01T00:00:00Z") });
    const hidden = findings.find((f) => f.code === "HIDDEN_CHARACTERS");
    expect(hidden).toMatchObject({ severity: "warning" });
    expect(hidden!.message).toContain("U+202E RIGHT-TO-LEFT OVERRIDE");
    expect(hidden!.message).toContain("subject");
    // Kept in severity order with lib/x509's own findings.
    const order = { critical: 0, warning: 1, info: 2 };
    expect(findings.map((f) => order[f.severity])).toEqual(
      [...findings.map((f) => order[f.severity])].sort(),
    );
  });

  it("warns about a zero-width space, and not about a plain name", async () => {
    expect(hiddenCharacterFindings(await selfSigned("CN=idp\u200B.example.com"))).toHaveLength(1);
    expect(hiddenCharacterFindings(await selfSigned("CN=idp.example.com, O=Łódź"))).toEqual([]);
  });
});
