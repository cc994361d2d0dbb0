import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCertificates } from "./decode";
import { readFixtureText } from "./fixtures/read-fixtures";
import { CRAFTED_FAMILIES } from "./testing/crafted-inputs";

// Pieces a hostile or mangled paste is made of; concatenations of them reach every scanner.
const TOKENS = [
  "-----BEGIN CERTIFICATE-----",
  "-----END CERTIFICATE-----",
  "-----BEGIN ",
  "-----END X509 CRL-----",
  "-----",
  "<ds:X509Certificate>",
  "</ds:X509Certificate>",
  "<X509Certificate a='1'>",
  "MIIB",
  "QUJD",
  "====",
  "\\n",
  "\n",
  "\r\n",
  " ",
  ":",
  "30",
  "0a",
  ".",
  "{",
  "[",
  "\u0000",
  "é",
  "\uFEFF",
  "Proc-Type: 4,ENCRYPTED\n",
];

const crafted = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 200 })
  .map((parts) => parts.join(""));

describe("decodeCertificates is total on crafted text and bytes", () => {
  it("never throws on token soup, as text or as file bytes", () => {
    fc.assert(
      fc.property(crafted, (text) => {
        for (const input of [text, new TextEncoder().encode(text)]) {
          const result = decodeCertificates(input);
          if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
          else expect(result.certificates.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on every crafted family, at every size up to the limit", () => {
    for (const build of Object.values(CRAFTED_FAMILIES)) {
      for (const size of [0, 1, 17, 4096, 256 * 1024 - 64]) {
        expect(() => decodeCertificates(build(size))).not.toThrow();
      }
    }
  });
});

/**
 * Cost per character of decoding `input`, in milliseconds: the fastest of several timed batches,
 * each repeated until it lasts long enough to time. The minimum is used because a loaded machine
 * only ever adds time; no absolute time is asserted, only the ratio between two sizes.
 */
function costPerCharacter(input: string): number {
  let best = Infinity;
  for (let batch = 0; batch < 5; batch++) {
    let runs = 0;
    const start = performance.now();
    do {
      decodeCertificates(input);
      runs++;
    } while (performance.now() - start < 15);
    best = Math.min(best, (performance.now() - start) / runs / Math.max(input.length, 1));
  }
  return best;
}

describe("decoding time is linear in the input size", () => {
  const families: Array<[string, (size: number) => string]> = [
    ...Object.entries(CRAFTED_FAMILIES),
    ["a PEM bundle", (size) => readFixtureText("rsa2048.pem").repeat(Math.floor(size / 1432))],
  ];

  // A quadratic scanner costs 16x more per character at 256 KB than at 16 KB; a linear one about
  // the same. The bound (6x) is far from both, so machine load does not decide the outcome.
  it.each(families)("%s: cost per character at 256 KB stays within 6x of that at 16 KB", (_name, build) => {
    const small = costPerCharacter(build(16 * 1024));
    const large = costPerCharacter(build(256 * 1024 - 64));
    expect(large / small).toBeLessThan(6);
  });
});
