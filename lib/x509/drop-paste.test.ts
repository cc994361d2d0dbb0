import { describe, expect, it } from "vitest";
import { decodeCertificates } from "./decode";
import { readExpectations, readFixture, readFixtureText } from "./fixtures/read-fixtures";
import { decodeAsn1String } from "./strings";
import { computeThumbprint } from "./thumbprint";

const pem = readFixtureText("rsa2048.pem");
const sha256 = readExpectations().get("rsa2048")!.sha256;

async function thumbprints(input: string | Uint8Array): Promise<string[]> {
  const result = decodeCertificates(input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return Promise.all(result.certificates.map((cert) => computeThumbprint(cert.der, "SHA-256")));
}

const latin1Bytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

describe("a dropped file and the same bytes pasted give the same result", () => {
  const prefixes: Array<[string, string]> = [
    ["a NUL byte", "\u0000"],
    ["Latin-1 prose", "Certificat émis pour la Société Générale, à installer côté IdP.\n"],
    ["Latin-1 prose and a NUL byte", "Grüße\u0000\n"],
  ];

  it.each(prefixes)("%s before -----BEGIN", async (_what, prefix) => {
    const text = prefix + pem;
    const pasted = await thumbprints(text);
    const dropped = await thumbprints(latin1Bytes(text));
    expect(pasted).toEqual([sha256]);
    expect(dropped).toEqual(pasted);
  });

  it("still refuses binary data without a PEM block as binary", () => {
    const result = decodeCertificates(new Uint8Array([0x00, 0xe9, 0x01, 0x02]));
    expect(result).toMatchObject({ ok: false, error: { code: "ERR_NOT_CERTIFICATE" } });
  });

  it.each([
    ["a newline", [0x0a]],
    ["CRLF", [0x0d, 0x0a]],
    ["spaces and NUL padding", [0x20, 0x20, 0x00, 0x00]],
  ])("tolerates DER followed by %s, as OpenSSL does", async (_what, tail) => {
    const der = readFixture("rsa2048.der");
    expect(await thumbprints(new Uint8Array([...der, ...tail]))).toEqual([sha256]);
  });

  it("still refuses DER followed by data that is not whitespace", () => {
    const der = readFixture("rsa2048.der");
    expect(decodeCertificates(new Uint8Array([...der, 0x41, 0x42])).ok).toBe(false);
  });
});

describe("string types decode the same in every runtime", () => {
  it("reads one-octet string types as ISO 8859-1, octet for code point (not windows-1252)", () => {
    const octets = Uint8Array.from({ length: 256 }, (_, i) => i);
    const expected = String.fromCharCode(...octets);
    for (const tag of [0x12, 0x13, 0x14, 0x15, 0x16, 0x19, 0x1a, 0x1b]) {
      expect(decodeAsn1String(tag, octets)).toBe(expected);
    }
  });

  it("reads BMPString and UniversalString as UTF-16BE / UTF-32BE and refuses half characters", () => {
    expect(decodeAsn1String(0x1e, new Uint8Array([0x00, 0xe9, 0x20, 0xac]))).toBe("é€");
    expect(decodeAsn1String(0x1c, new Uint8Array([0, 1, 0xf6, 0x00]))).toBe("\u{1f600}");
    expect(() => decodeAsn1String(0x1e, new Uint8Array([0, 0x41, 0]), "the CN")).toThrow(
      /the CN is a BMPString/,
    );
    expect(() => decodeAsn1String(0x1e, new Uint8Array([0xd8, 0x00, 0xdc, 0x00]), "x")).toThrow(
      /invalid character/,
    );
  });

  it("returns nothing for a tag that is not a string type", () => {
    expect(decodeAsn1String(0x02, new Uint8Array([1]))).toBeUndefined();
  });
});
