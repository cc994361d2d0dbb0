// Decoding time versus input size for crafted text inputs, up to the 256 KB limit (Node). A linear
// decoder takes about 16x as long for 256 KB as for 16 KB; a quadratic one about 256x.
// Run: npx tsx bench/x509-linear.ts   (figures are printed, never asserted)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeCertificates, MAX_CERTIFICATE_INPUT_BYTES } from "../lib/x509/decode";
import { CRAFTED_FAMILIES } from "../lib/x509/testing/crafted-inputs";

const SIZES = [16, 32, 64, 128, 256].map((kb) => kb * 1024 - 64);
const ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(input: string): number {
  const runs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    decodeCertificates(input, { maxBytes: MAX_CERTIFICATE_INPUT_BYTES });
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

const pem = readFileSync(join(import.meta.dirname, "../lib/x509/fixtures/rsa2048.pem"), "utf8");
const families: Record<string, (size: number) => string> = {
  ...CRAFTED_FAMILIES,
  "PEM bundle (real certificates)": (size) => pem.repeat(Math.floor(size / pem.length)),
};

console.log(`x509-linear (Node ${process.version}): median of ${ROUNDS} runs, ms per input size`);
console.log(
  `  ${"input".padEnd(44)}${SIZES.map((size) => `${Math.round(size / 1024)} KB`.padStart(9)).join("")}  256/16`,
);
for (const [name, build] of Object.entries(families)) {
  decodeCertificates(build(SIZES[0]!)); // warm-up
  const times = SIZES.map((size) => time(build(size)));
  const ratio = times.at(-1)! / Math.max(times[0]!, 0.01);
  console.log(
    `  ${name.padEnd(44)}${times.map((t) => t.toFixed(1).padStart(9)).join("")}  ${ratio.toFixed(0).padStart(5)}x`,
  );
}
