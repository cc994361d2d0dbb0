import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCertificates, type DecodeResult } from "./decode";
import type { X509ErrorCode } from "./errors";
import { readFixture, readFixtureText } from "./fixtures/read-fixtures";
import { summarizeCertificate } from "./summary";

const CODES: X509ErrorCode[] = [
  "ERR_EMPTY",
  "ERR_TOO_LARGE",
  "ERR_PRIVATE_KEY",
  "ERR_CSR",
  "ERR_PUBLIC_KEY",
  "ERR_PKCS12",
  "ERR_JWT",
  "ERR_TRUNCATED_PEM",
  "ERR_CORRUPT",
  "ERR_NOT_CERTIFICATE",
];

/** The contract: a coded error with a sentence, or at least one certificate that summarises. */
async function checkContract(input: string | Uint8Array): Promise<DecodeResult> {
  const result = decodeCertificates(input);
  if (result.ok) {
    expect(result.certificates.length).toBeGreaterThan(0);
    // Anything we accept must also summarise without throwing.
    await Promise.all(result.certificates.map((cert) => summarizeCertificate(cert)));
  } else {
    expect(CODES).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(10);
  }
  return result;
}

// fast-check treats any returned value other than `true`/`undefined` as a failure, so the
// predicates return nothing.
const expectWellFormed = async (input: string | Uint8Array): Promise<void> => {
  await checkContract(input);
};

type Mutation = { kind: "flip" | "delete" | "insert"; at: number; length: number; text: string };

const mutation = fc.record({
  kind: fc.constantFrom<Mutation["kind"]>("flip", "delete", "insert"),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 80 }),
  text: fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom(
      "-",
      "\n",
      "=",
      "A",
      "/",
      "+",
      "-----END CERTIFICATE-----",
      "-----BEGIN CERTIFICATE-----",
    ),
  ),
});

function mutate(text: string, changes: Mutation[]): string {
  return changes.reduce((current, change) => {
    const at = current.length === 0 ? 0 : change.at % current.length;
    if (change.kind === "delete") return current.slice(0, at) + current.slice(at + change.length);
    if (change.kind === "insert") return current.slice(0, at) + change.text + current.slice(at);
    return current.slice(0, at) + (change.text[0] ?? "#") + current.slice(at + 1);
  }, text);
}

const PEMS = [
  "rsa2048.pem",
  "ec-p256.pem",
  "ed25519.pem",
  "bundle.pem",
  "chain.p7b.pem",
  "key-pkcs8.pem",
  "csr.pem",
].map(readFixtureText);
const DERS = ["rsa2048.der", "chain.p7b", "leaf.p12", "key-ec-sec1.der"].map(readFixture);

describe("decodeCertificates never throws", () => {
  it("on random bytes", async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), expectWellFormed), { numRuns: 300 });
  });

  it("on random bytes that start like DER", async () => {
    const derLike = fc.uint8Array({ maxLength: 512 }).map((rest) => new Uint8Array([0x30, 0x82, ...rest]));
    await fc.assert(fc.asyncProperty(derLike, expectWellFormed), { numRuns: 300 });
  });

  it("on random strings, including lone surrogates and control characters", async () => {
    const strings = fc.oneof(
      fc.string({ maxLength: 512 }),
      fc.string({ unit: "binary", maxLength: 256 }),
      fc.base64String({ maxLength: 512 }),
    );
    await fc.assert(fc.asyncProperty(strings, expectWellFormed), { numRuns: 300 });
  });

  it("on mutated PEMs (characters flipped, deleted, inserted)", async () => {
    const mutated = fc
      .tuple(fc.constantFrom(...PEMS), fc.array(mutation, { minLength: 1, maxLength: 4 }))
      .map(([pem, changes]) => mutate(pem, changes));
    await fc.assert(fc.asyncProperty(mutated, expectWellFormed), { numRuns: 400 });
  });

  it("on mutated DER (bytes overwritten or cut)", async () => {
    const mutated = fc
      .tuple(
        fc.constantFrom(...DERS),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.nat(),
      )
      .map(([der, writes, cut]) => {
        const copy = der.slice(0, der.length - (cut % 8 === 0 ? cut % der.length : 0));
        for (const [at, value] of writes) if (copy.length > 0) copy[at % copy.length] = value;
        return copy;
      });
    await fc.assert(fc.asyncProperty(mutated, expectWellFormed), { numRuns: 400 });
  });

  it("never lets a private key through, however it is wrapped in whitespace or text", async () => {
    const key = readFixtureText("key-pkcs8.pem");
    const wrapped = fc
      .tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }))
      .map(([before, after]) => `${before}\n${key}\n${after}`);
    await fc.assert(
      fc.asyncProperty(wrapped, async (input) => {
        const result = await checkContract(input);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(["ERR_PRIVATE_KEY", "ERR_TRUNCATED_PEM"]).toContain(result.error.code);
      }),
      { numRuns: 200 },
    );
  });
});
