import { describe, expect, it } from "vitest";
import { decodeCertificates, MAX_CERTIFICATE_INPUT_BYTES } from "./decode";
import type { X509ErrorCode } from "./errors";
import { readExpectations, readFixture, readFixtureText } from "./fixtures/read-fixtures";
import { computeThumbprint } from "./thumbprint";

const openssl = readExpectations();
const sha256 = (name: string) => openssl.get(name)!.sha256;

async function thumbprints(input: string | Uint8Array): Promise<string[]> {
  const result = decodeCertificates(input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return Promise.all(result.certificates.map((cert) => computeThumbprint(cert.der, "SHA-256")));
}

// Certificates each input must yield, identified by the SHA-256 OpenSSL printed for them.
const accepted: Array<[file: string, as: "text" | "bytes", certificates: string[]]> = [
  ["rsa2048.pem", "text", ["rsa2048"]],
  ["rsa2048-crlf.pem", "text", ["rsa2048"]],
  ["rsa2048-leading-text.pem", "text", ["rsa2048"]],
  ["rsa2048-bom.pem", "text", ["rsa2048"]],
  ["rsa2048-bom.pem", "bytes", ["rsa2048"]],
  ["rsa2048-whitespace.pem", "text", ["rsa2048"]],
  ["rsa2048.der", "bytes", ["rsa2048"]],
  ["rsa2048.b64", "text", ["rsa2048"]],
  ["rsa2048.b64", "bytes", ["rsa2048"]],
  ["saml-metadata.xml", "text", ["rsa2048"]],
  ["bundle.pem", "text", ["leaf", "intermediate-ca", "root-ca"]],
  ["bundle-shuffled.pem", "bytes", ["root-ca", "leaf", "intermediate-ca"]],
  ["chain.p7b.pem", "text", ["leaf", "intermediate-ca", "root-ca"]],
  ["chain.p7b", "bytes", ["leaf", "intermediate-ca", "root-ca"]],
];

const refused: Array<[file: string, as: "text" | "bytes", code: X509ErrorCode, mentions: RegExp]> = [
  ["key-pkcs8.pem", "text", "ERR_PRIVATE_KEY", /private key \(PKCS#8\).*not uploaded/],
  ["key-pkcs8.der", "bytes", "ERR_PRIVATE_KEY", /unencrypted private key \(PKCS#8, RSA\)/],
  ["key-rsa-pkcs1.pem", "text", "ERR_PRIVATE_KEY", /RSA private key \(PKCS#1\)/],
  ["key-rsa-pkcs1-encrypted.pem", "text", "ERR_PRIVATE_KEY", /encrypted RSA private key/],
  ["key-ec-sec1.pem", "text", "ERR_PRIVATE_KEY", /EC private key \(SEC1\)/],
  ["key-ec-sec1.der", "bytes", "ERR_PRIVATE_KEY", /EC private key \(SEC1\)/],
  ["key-pkcs8-encrypted.pem", "text", "ERR_PRIVATE_KEY", /encrypted private key \(PKCS#8\)/],
  ["key-openssh.pem", "text", "ERR_PRIVATE_KEY", /OpenSSH private key/],
  ["cert-and-key.pem", "text", "ERR_PRIVATE_KEY", /next to the certificate.*not uploaded/],
  ["leaf.p12", "bytes", "ERR_PKCS12", /PKCS#12/],
  ["csr.pem", "text", "ERR_CSR", /signing request/],
  ["csr.der", "bytes", "ERR_CSR", /signing request/],
  ["public-key.pem", "text", "ERR_PUBLIC_KEY", /public key \(RSA\)/],
  ["public-key.der", "bytes", "ERR_PUBLIC_KEY", /public key \(RSA\)/],
  ["public-key-rsa.pem", "text", "ERR_PUBLIC_KEY", /RSA public key \(PKCS#1\)/],
  ["ssh-public-key.pub", "text", "ERR_PUBLIC_KEY", /SSH public key/],
  ["jwt.txt", "text", "ERR_JWT", /JSON Web Token \(JWT, alg RS256\)/],
  ["truncated.pem", "text", "ERR_TRUNCATED_PEM", /no matching -----END CERTIFICATE-----/],
  ["truncated-body.pem", "text", "ERR_TRUNCATED_PEM", /part of it is missing/],
  ["corrupt-base64.pem", "text", "ERR_CORRUPT", /“!”/],
  ["corrupt-asn1.pem", "text", "ERR_CORRUPT", /not a well-formed certificate/],
  ["corrupt-asn1.der", "bytes", "ERR_CORRUPT", /not a well-formed certificate/],
  ["empty.pem", "text", "ERR_EMPTY", /empty/],
  ["empty.pem", "bytes", "ERR_EMPTY", /empty/],
  ["crl.pem", "text", "ERR_NOT_CERTIFICATE", /revocation list/],
];

const load = (file: string, as: "text" | "bytes") =>
  as === "text" ? readFixtureText(file) : readFixture(file);

describe("decodeCertificates accepts every certificate encoding", () => {
  it.each(accepted)("%s as %s", async (file, as, names) => {
    expect(await thumbprints(load(file, as))).toEqual(names.map(sha256));
  });

  it("reads UTF-16 text with a byte-order mark (Windows exports)", async () => {
    const text = readFixtureText("rsa2048.pem");
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(await thumbprints(bytes)).toEqual([sha256("rsa2048")]);
  });

  it("reads a PEM whose newlines were lost or escaped (copied out of JSON)", async () => {
    const pem = readFixtureText("rsa2048.pem");
    expect(await thumbprints(pem.replace(/\n/g, ""))).toEqual([sha256("rsa2048")]);
    expect(await thumbprints(JSON.stringify(pem).slice(1, -1))).toEqual([sha256("rsa2048")]);
  });

  it("reads concatenated DER certificates and a hex dump of DER", async () => {
    const der = readFixture("rsa2048.der");
    const two = new Uint8Array([...der, ...readFixture("rsa2048.der")]);
    expect(await thumbprints(two)).toEqual([sha256("rsa2048"), sha256("rsa2048")]);
    const hex = Array.from(der, (byte) => byte.toString(16).padStart(2, "0")).join("");
    expect(await thumbprints(hex)).toEqual([sha256("rsa2048")]);
  });
});

describe("decodeCertificates refuses everything else with a specific code", () => {
  it.each(refused)("%s as %s → %s", (file, as, code, mentions) => {
    const result = decodeCertificates(load(file, as));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(mentions);
    expect(result.error.message).not.toMatch(/invalid input/i);
  });

  it("refuses input over the limit and states the limit", () => {
    const big = "A".repeat(MAX_CERTIFICATE_INPUT_BYTES + 1);
    const result = decodeCertificates(big);
    expect(!result.ok && result.error.code).toBe("ERR_TOO_LARGE");
    expect(!result.ok && result.error.message).toMatch(/256 KB limit/);
    const bytes = decodeCertificates(new Uint8Array(2048), { maxBytes: 1024 });
    expect(!bytes.ok && bytes.error.message).toMatch(/2 KB, more than the 1 KB limit/);
  });

  it("measures text in UTF-8 bytes, not characters, whatever shortcut it takes", () => {
    // 600 characters are 600 bytes in ASCII, 1,200 with "é", 1,800 with "€" or a lone surrogate;
    // 400 "€" are fewer characters than half the limit, but 1,200 bytes.
    const limits = { maxBytes: 1024 };
    expect(decodeCertificates("A".repeat(600), limits)).not.toMatchObject({
      error: { code: "ERR_TOO_LARGE" },
    });
    const cases = [
      ["é", 600, "1.2 KB"],
      ["€", 600, "1.8 KB"],
      ["\ud800", 600, "1.8 KB"],
      ["€", 400, "1.2 KB"],
    ] as const;
    for (const [char, count, size] of cases) {
      const result = decodeCertificates(char.repeat(count), limits);
      expect(!result.ok && result.error.message).toMatch(`The input is ${size}, more than the 1 KB limit`);
    }
    expect(decodeCertificates("é".repeat(512), limits)).not.toMatchObject({
      error: { code: "ERR_TOO_LARGE" },
    });
    expect(decodeCertificates("é".repeat(513), limits)).toMatchObject({ error: { code: "ERR_TOO_LARGE" } });
  });

  it("accepts input exactly at the limit", () => {
    const pem = readFixtureText("rsa2048.pem");
    expect(decodeCertificates(pem, { maxBytes: pem.length }).ok).toBe(true);
  });

  it.each([
    ["   \n\t  ", "ERR_EMPTY"],
    ["\uFEFF", "ERR_EMPTY"],
    ['{"kty":"RSA","n":"abc","e":"AQAB","d":"secret"}', "ERR_PRIVATE_KEY"],
    ['{"keys":[{"kty":"EC","crv":"P-256","x":"a","y":"b"}]}', "ERR_PUBLIC_KEY"],
    ["PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none", "ERR_PRIVATE_KEY"],
    ["-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nabc\n-----END PGP PRIVATE KEY BLOCK-----", "ERR_PRIVATE_KEY"],
    ["-----BEGIN FOO-----\nAAAA\n-----END FOO-----", "ERR_NOT_CERTIFICATE"],
    ["this is just a sentence someone pasted", "ERR_NOT_CERTIFICATE"],
    ["AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01", "ERR_NOT_CERTIFICATE"],
    ["<html><body>Login</body></html>", "ERR_NOT_CERTIFICATE"],
  ])("%j → %s", (input, code) => {
    const result = decodeCertificates(input);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it("refuses a private key even when its block is mislabelled or cut off", () => {
    const body = readFixtureText("key-pkcs8.pem").replace(
      /-----(BEGIN|END) PRIVATE KEY-----/g,
      "-----$1 CERTIFICATE-----",
    );
    expect(decodeCertificates(body)).toMatchObject({ ok: false, error: { code: "ERR_PRIVATE_KEY" } });
    const cut = readFixtureText("key-rsa-pkcs1.pem").split("\n").slice(0, 4).join("\n");
    expect(decodeCertificates(cut)).toMatchObject({ ok: false, error: { code: "ERR_PRIVATE_KEY" } });
  });

  it("names binary file types and does not echo long single tokens", () => {
    const zip = decodeCertificates(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe]));
    expect(!zip.ok && zip.error.message).toMatch(/ZIP archive/);
    const secret = "s3cr3t-value-that-should-not-be-echoed-" + "x".repeat(20) + "!";
    const result = decodeCertificates(secret);
    expect(!result.ok && result.error.message).not.toContain("s3cr3t");
  });
});

describe("the normalised PEM of a decoded certificate", () => {
  it("is the same whether read at once, through structured clone (the Web Worker) or JSON", () => {
    const text = readFixtureText("rsa2048-crlf.pem");
    const result = decodeCertificates(text);
    if (!result.ok) throw new Error(result.error.message);
    const [certificate] = result.certificates;
    const cloned = structuredClone(certificate!);
    const viaJson = JSON.parse(JSON.stringify(certificate)) as { pem: string };
    expect(cloned.pem).toBe(viaJson.pem);
    expect(certificate!.pem).toBe(cloned.pem);
    // Normalised: LF endings, 64-character lines, the same body as the CRLF input.
    expect(cloned.pem).toMatch(
      /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/,
    );
    expect(cloned.pem.replace(/\s+/g, "")).toBe(text.replace(/\s+/g, "").replace(/^\uFEFF/, ""));
  });
});

describe("each decoded certificate owns exactly its DER bytes", () => {
  const owned = (der: Uint8Array) => der.byteOffset === 0 && der.buffer.byteLength === der.byteLength;

  it.each(accepted)("%s as %s", (file, as) => {
    const result = decodeCertificates(load(file, as));
    if (!result.ok) throw new Error(result.error.message);
    for (const cert of result.certificates) expect(owned(cert.der)).toBe(true);
  });

  it("a file's bytes are copied: changing the input afterwards changes no certificate", async () => {
    const input = readFixture("rsa2048.der");
    const result = decodeCertificates(input);
    if (!result.ok) throw new Error(result.error.message);
    input.fill(0);
    expect(await computeThumbprint(result.certificates[0]!.der, "SHA-256")).toBe(sha256("rsa2048"));
  });

  it("OpenSSL's TRUSTED CERTIFICATE keeps the certificate alone, not a view with the trust settings", async () => {
    const der = readFixture("rsa2048.der");
    const trust = Uint8Array.from([0x30, 0x03, 0x06, 0x01, 0x00]); // a stand-in for the trust settings
    const body = Buffer.concat([der, trust]).toString("base64");
    const pem = `-----BEGIN TRUSTED CERTIFICATE-----\n${body.replace(/.{64}/g, "$&\n")}\n-----END TRUSTED CERTIFICATE-----\n`;
    const result = decodeCertificates(pem);
    if (!result.ok) throw new Error(result.error.message);
    const cert = result.certificates[0]!;
    expect(cert.der.byteLength).toBe(der.byteLength);
    expect(owned(cert.der)).toBe(true);
    expect(await computeThumbprint(cert.der, "SHA-256")).toBe(sha256("rsa2048"));
  });
});
