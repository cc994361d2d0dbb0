import { describe, expect, it } from "vitest";
import { decodeCertificates } from "./decode";
import { isX509InputError } from "./errors";
import { readExpectations, readFixtureText, type OpenSslExpectation } from "./fixtures/read-fixtures";
import { summarizeCertificate, summarizeCertificatePem } from "./summary";

// OpenSSL's display names, mapped to the identifiers our summary uses. The table is ours; the
// values on the left are what `openssl x509 -text` printed for the fixtures.
const KEY_ALGORITHMS: Record<string, string> = {
  rsaEncryption: "RSA",
  "id-ecPublicKey": "EC",
  ED25519: "Ed25519",
  ED448: "Ed448",
};
const KEY_USAGES: Record<string, string> = {
  "Digital Signature": "digitalSignature",
  "Non Repudiation": "nonRepudiation",
  "Key Encipherment": "keyEncipherment",
  "Data Encipherment": "dataEncipherment",
  "Key Agreement": "keyAgreement",
  "Certificate Sign": "keyCertSign",
  "CRL Sign": "cRLSign",
};
const EXTENDED_KEY_USAGES: Record<string, string> = {
  "TLS Web Server Authentication": "serverAuth",
  "TLS Web Client Authentication": "clientAuth",
  "Code Signing": "codeSigning",
  "E-mail Protection": "emailProtection",
};

const list = (text: string | null, table: Record<string, string>) =>
  text ? text.split(", ").map((item) => table[item] ?? `unmapped:${item}`) : [];

function basicConstraints(text: string | null) {
  if (!text) return undefined;
  const pathLength = /pathlen:(\d+)/.exec(text)?.[1];
  return pathLength === undefined
    ? { ca: text.includes("CA:TRUE") }
    : { ca: text.includes("CA:TRUE"), pathLength: Number(pathLength) };
}

function subjectAltNames(text: string | null) {
  if (!text) return [];
  return text
    .split(", ")
    .map((name) => name.replace(/^IP Address:/, "IP:").replace(/^othername: UPN::/, "otherName:UPN:"));
}

const expectations = [...readExpectations()];

describe("summarizeCertificate matches OpenSSL", () => {
  it("has a fixture corpus", () => {
    expect(expectations.length).toBeGreaterThanOrEqual(15);
  });

  it.each(expectations)("%s", async (_name, openssl: OpenSslExpectation) => {
    const result = decodeCertificates(readFixtureText(openssl.file));
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    expect(result.certificates).toHaveLength(1);
    const summary = await summarizeCertificate(result.certificates[0]!);
    expect(summary.sha1).toBe(openssl.sha1);
    expect(summary.sha256).toBe(openssl.sha256);
    expect(summary.serialNumber).toBe(openssl.serial);
    expect(summary.subject).toBe(openssl.subject);
    expect(summary.issuer).toBe(openssl.issuer);
    expect(summary.notBefore).toBe(openssl.notBefore);
    expect(summary.notAfter).toBe(openssl.notAfter);
    expect(summary.version).toBe(openssl.version);
    expect(summary.signatureAlgorithm).toBe(openssl.signatureAlgorithm);
    expect(summary.keyAlgorithm).toBe(KEY_ALGORITHMS[openssl.publicKeyAlgorithm]);
    expect(summary.keySize).toBe(openssl.publicKeyBits ?? undefined);
    expect(summary.curve).toBe(openssl.nistCurve ?? undefined);
    expect(summary.keyUsage).toEqual(list(openssl.keyUsage, KEY_USAGES));
    expect(summary.extendedKeyUsage).toEqual(list(openssl.extendedKeyUsage, EXTENDED_KEY_USAGES));
    expect(summary.basicConstraints).toEqual(basicConstraints(openssl.basicConstraints));
    expect(summary.subjectAltNames).toEqual(subjectAltNames(openssl.subjectAltName));
    expect(summary.selfSigned).toBe(openssl.selfVerify === "OK" && openssl.subject === openssl.issuer);
    expect(summary.pem).toBe(readFixtureText(openssl.file));
  });
});

describe("summary details", () => {
  it("names the signature for people and records its hash", async () => {
    const rsa = await summarizeCertificatePem(readFixtureText("rsa2048.pem"));
    expect(rsa.signatureAlgorithmName).toBe("RSA with SHA-256");
    expect(rsa.signatureHash).toBe("SHA-256");
    expect(rsa.commonName).toBe("idp.example.com");
    const pss = await summarizeCertificatePem(readFixtureText("rsa-pss.pem"));
    expect(pss.signatureAlgorithmName).toBe("RSA-PSS with SHA-256");
    const md5 = await summarizeCertificatePem(readFixtureText("md5-rsa.pem"));
    expect(md5.signatureHash).toBe("MD5");
  });

  it("is plain JSON: it survives a round trip unchanged", async () => {
    const summary = await summarizeCertificatePem(readFixtureText("unicode.pem"));
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect(summary.commonName).toBe("Ünïcødé Name");
  });

  it("normalises CRLF input to an LF PEM", async () => {
    const summary = await summarizeCertificatePem(readFixtureText("rsa2048-crlf.pem"));
    expect(summary.pem).toBe(readFixtureText("rsa2048.pem"));
  });

  it.each([
    ["bundle.pem", "ERR_NOT_SINGLE_CERTIFICATE"],
    ["key-pkcs8.pem", "ERR_PRIVATE_KEY"],
    ["empty.pem", "ERR_EMPTY"],
  ])("summarizeCertificatePem(%s) throws X509InputError %s", async (file, code) => {
    const error: unknown = await summarizeCertificatePem(readFixtureText(file)).catch(
      (caught: unknown) => caught,
    );
    expect(isX509InputError(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
  });
});
