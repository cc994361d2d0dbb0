import { describe, expect, it } from "vitest";
import { orderCertificateChain } from "./chain";
import { decodeCertificates } from "./decode";
import { certificateFindings } from "./findings";
import { readFixture, readFixtureText, readStrictCorpus } from "./fixtures/read-fixtures";
import { summarizeCertificate } from "./summary";

const corpus = readStrictCorpus();
const byKind = new Map(corpus.map((entry) => [entry.kind, entry]));

// What each crafted file must be refused for: the message names what is wrong and where.
const REASONS: Record<string, RegExp> = {
  "utf8-invalid-cn": /the subject's common name is not valid UTF-8/,
  "utf8-overlong-cn": /the subject's common name is not valid UTF-8/,
  "utf8-surrogate-cn": /the subject's common name is not valid UTF-8/,
  "bmp-odd-length-cn":
    /the subject's common name is a BMPString (with an odd number of octets|cut in the middle)/,
  "name-value-integer": /the subject's common name has a value of a type a name may not hold \(tag 0x02\)/,
  "name-value-context-tag":
    /the subject's common name has a value of a type a name may not hold \(tag 0x80\)/,
  "name-value-general-string":
    /the subject's common name has a value of a type a name may not hold \(tag 0x1b\)/,
  "name-attribute-extra": /an attribute of the subject is not a type and a value/,
  "signature-unused-bits-8": /the signature is a BIT STRING that claims 8 unused bits/,
  "boolean-two-octets": /extension 1's critical flag is a BOOLEAN of 2 octets instead of 1/,
  "boolean-empty": /extension 1's critical flag is a BOOLEAN of 0 octets instead of 1/,
  "oid-padded-subidentifier":
    /the signature algorithm: an OBJECT IDENTIFIER has a padded \(non-minimal\) subidentifier/,
  "serial-padded-integer": /the serial number is an INTEGER with a redundant leading octet/,
  "null-with-content": /the signature algorithm's parameters is a NULL with content/,
  "algorithm-extra-element": /the signature algorithm has more than an algorithm and its parameters/,
  "tbs-trailing-element": /unexpected data after the public key \(tag 0x05\)/,
  "issuer-unique-id-bad-bits": /the issuer unique ID is a BIT STRING that claims 9 unused bits/,
  // Refused on purpose although OpenSSL's parser tolerates them (see README).
  "length-not-minimal": /length of the element at byte \d+ is not in its shortest form/,
  "san-not-well-formed": /the subject alternative name extension is not well-formed/,
  "extension-twice": /the basic constraints extension appears twice/,
};

describe("the strict reader agrees with OpenSSL on crafted certificates", () => {
  it("has OpenSSL's answer for every crafted file", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    for (const kind of Object.keys(REASONS)) expect(byKind.has(kind), kind).toBe(true);
  });

  it.each(
    corpus.filter((entry) => !entry.openssl.opensslParses).map((entry) => [entry.kind, entry] as const),
  )("refuses %s, which OpenSSL refuses, naming what and where", (kind, { der }) => {
    const result = decodeCertificates(der);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("ERR_CORRUPT");
    expect(result.error.message).toMatch(REASONS[kind]!);
  });

  it.each(["length-not-minimal", "san-not-well-formed", "extension-twice"])(
    "refuses %s on purpose (OpenSSL's parser tolerates it) with a reason",
    (kind) => {
      const entry = byKind.get(kind)!;
      expect(entry.openssl.opensslParses).toBe(true);
      const result = decodeCertificates(entry.der);
      expect(result).toMatchObject({ ok: false, error: { code: "ERR_CORRUPT" } });
      expect(!result.ok && result.error.message).toMatch(REASONS[kind]!);
    },
  );

  it("reads DER followed by a newline, as OpenSSL does, as the certificate alone", () => {
    const entry = byKind.get("der-trailing-newline")!;
    expect(entry.openssl.opensslParses).toBe(true);
    const result = decodeCertificates(entry.der);
    expect(result.ok && result.certificates.map((cert) => cert.der)).toEqual([readFixture("rsa2048.der")]);
  });
});

describe("signatures are told truthfully", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const summarize = async (file: string) => {
    const result = decodeCertificates(readFixtureText(file));
    if (!result.ok) throw new Error(result.error.message);
    return {
      certificates: result.certificates,
      summary: await summarizeCertificate(result.certificates[0]!),
    };
  };

  it.each(["bad-signature-rsa2048.pem", "bad-signature-md5-rsa.pem", "bad-signature-ec-p256.pem"])(
    "%s: not self-signed, a critical finding, and the chain says so",
    async (file) => {
      const { certificates, summary } = await summarize(file);
      expect(summary.selfSigned).toBe(false);
      expect(summary.signatureCheck).toBe("failed");
      const findings = certificateFindings(summary, { now });
      expect(findings[0]).toEqual({
        code: "SIGNATURE_INVALID",
        severity: "critical",
        message: "The signature does not verify: the certificate was altered or is corrupt.",
      });
      expect(findings.map((finding) => finding.code)).not.toContain("SELF_SIGNED");
      const chain = await orderCertificateChain(certificates);
      expect(chain.entries[0]!.issuer).toBe("invalid");
      expect(chain.complete).toBe(false);
    },
  );

  it.each(["md5-rsa.pem", "ed448.pem", "rsa2048.pem", "ec-p256.pem"])(
    "%s: its self-signature is verified here, whatever the algorithm",
    async (file) => {
      const { certificates, summary } = await summarize(file);
      expect(summary).toMatchObject({ selfSigned: true, signatureCheck: "verified" });
      expect((await orderCertificateChain(certificates)).entries[0]!.issuer).toBe("root");
    },
  );

  it("says 'not checked' for an algorithm nothing here implements (MD2), and claims nothing", async () => {
    const entry = byKind.get("signature-md2")!;
    expect(entry.openssl.opensslParses).toBe(true);
    const result = decodeCertificates(entry.der);
    if (!result.ok) throw new Error(result.error.message);
    const summary = await summarizeCertificate(result.certificates[0]!);
    expect(summary).toMatchObject({ selfSigned: false, signatureCheck: "not-checked" });
    const findings = certificateFindings(summary, { now });
    expect(findings.map((finding) => finding.code)).not.toContain("SELF_SIGNED");
    expect(findings.find((finding) => finding.code === "SIGNATURE_NOT_CHECKED")!.message).toMatch(
      /^Signature not checked \(algorithm md2WithRSAEncryption\)/,
    );
    expect((await orderCertificateChain(result.certificates)).entries[0]!.issuer).toBe("root-unchecked");
  });

  it("verifies RSA, RSA-PSS, ECDSA and EdDSA without crypto.subtle (plain http on a LAN address)", async () => {
    const subtle = Object.getOwnPropertyDescriptor(globalThis, "crypto")!;
    Object.defineProperty(globalThis, "crypto", { value: {}, configurable: true });
    try {
      for (const file of [
        "rsa2048.pem",
        "md5-rsa.pem",
        "ec-p256.pem",
        "ec-p384.pem",
        "ed25519.pem",
        "ed448.pem",
      ]) {
        expect((await summarize(file)).summary.signatureCheck, file).toBe("verified");
      }
      for (const file of ["bad-signature-rsa2048.pem", "bad-signature-ec-p256.pem"]) {
        expect((await summarize(file)).summary.signatureCheck, file).toBe("failed");
      }
      const bundle = decodeCertificates(readFixtureText("bundle.pem"));
      const chain = await orderCertificateChain(bundle.ok ? bundle.certificates : []);
      expect(chain.entries.map((entry) => entry.issuer)).toEqual(["verified", "verified", "root"]);
    } finally {
      Object.defineProperty(globalThis, "crypto", subtle);
    }
  });
});
