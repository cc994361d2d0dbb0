// Parses a 200-certificate PEM bundle with lib/x509 and prints how long it takes (Node).
// Run: npx tsx bench/x509-parse.ts   (figures are printed, never asserted)
import "@abraham/reflection";
import { readCertificateFields } from "../lib/x509/certificate-fields";
import { decodeCertificates } from "../lib/x509/decode";
import { summarizeCertificate } from "../lib/x509/summary";
import { orderCertificateChain } from "../lib/x509/chain";
import { buildBundle, COUNT } from "./x509-bundle";
import { encode, parse, type Node } from "../lib/x509/testing/der-tree";

/** The same certificates as a PKCS#7 SignedData bundle (what `openssl crl2pkcs7 -nocrl` writes). */
function toPkcs7(certificates: Uint8Array[]): Uint8Array {
  const oid = (hex: string): Node => ({ tag: 0x06, content: Uint8Array.from(Buffer.from(hex, "hex")) });
  const signedData: Node = {
    tag: 0x30,
    children: [
      { tag: 0x02, content: new Uint8Array([1]) },
      { tag: 0x31, children: [] },
      { tag: 0x30, children: [oid("2a864886f70d010701")] },
      { tag: 0xa0, children: certificates.map((der) => parse(der).node) },
      { tag: 0x31, children: [] },
    ],
  };
  return encode({ tag: 0x30, children: [oid("2a864886f70d010702"), { tag: 0xa0, children: [signedData] }] });
}

const ROUNDS = 15;
/**
 * Decode against the bare loop is timed on its own, not between the summaries of the other
 * measurements, whose garbage collections it met (the ratio wandered from 1.1× to 2× between
 * runs). Each sample is a block of runs of one function, so each pays for its own garbage
 * collections; blocks alternate which goes first; a few warm-up pairs come before. (Timed one run
 * at a time, a pair's ratio swung from 0.2× to 7× as a collection fell in one run or the other.)
 */
const DECODE_WARMUP = 4;
const DECODE_PAIRS = 40;
const RUNS_PER_BLOCK = 10;

/**
 * The floor decodeCertificates is held to (issue 17: ≤ 1.5× this): find each certificate block
 * with one regular expression, base64 it with Node's native decoder, read its fields with the same
 * DER reader. No private-key check, no error wording, no input limits: only the work that cannot go.
 */
function bareDecodeLoop(bundle: string): number {
  let count = 0;
  for (const match of bundle.matchAll(/-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/g)) {
    readCertificateFields(new Uint8Array(Buffer.from(match[1]!, "base64")));
    count++;
  }
  return count;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main() {
  const bundle = await buildBundle();
  const decode: number[] = [];
  const summarize: number[] = [];
  const chain: number[] = [];
  const pkcs7: number[] = [];
  const bare: number[] = [];
  const first = decodeCertificates(bundle, { maxBytes: 2 * 1024 * 1024 });
  if (!first.ok) throw new Error(first.error.message);
  const p7b = toPkcs7(first.certificates.map((cert) => cert.der));
  // One sample: RUNS_PER_BLOCK runs of one function in a row, averaged; nothing is kept alive
  // between runs (each result is checked, which costs nothing beside the decode, and dropped).
  const decodeBlock = () => {
    const t0 = performance.now();
    for (let run = 0; run < RUNS_PER_BLOCK; run++) {
      const result = decodeCertificates(bundle, { maxBytes: 2 * 1024 * 1024 });
      if (!result.ok) throw new Error(result.error.message);
      if (result.certificates.length !== COUNT)
        throw new Error(`decoded ${result.certificates.length} certificates`);
    }
    return (performance.now() - t0) / RUNS_PER_BLOCK;
  };
  const bareBlock = () => {
    const t0 = performance.now();
    for (let run = 0; run < RUNS_PER_BLOCK; run++) {
      if (bareDecodeLoop(bundle) !== COUNT) throw new Error("the bare loop missed certificates");
    }
    return (performance.now() - t0) / RUNS_PER_BLOCK;
  };
  for (let pair = 0; pair < DECODE_WARMUP + DECODE_PAIRS; pair++) {
    let decodeMs: number;
    let bareMs: number;
    if (pair % 2 === 0) {
      decodeMs = decodeBlock();
      bareMs = bareBlock();
    } else {
      bareMs = bareBlock();
      decodeMs = decodeBlock();
    }
    if (pair < DECODE_WARMUP) continue;
    decode.push(decodeMs);
    bare.push(bareMs);
  }
  for (let round = 0; round < ROUNDS; round++) {
    const t1 = performance.now();
    const result = decodeCertificates(bundle, { maxBytes: 2 * 1024 * 1024 });
    if (!result.ok) throw new Error(result.error.message);
    await Promise.all(result.certificates.map(summarizeCertificate));
    const t2 = performance.now();
    await orderCertificateChain(result.certificates);
    const t3 = performance.now();
    const fromPkcs7 = decodeCertificates(p7b, { maxBytes: 2 * 1024 * 1024 });
    pkcs7.push(performance.now() - t3);
    if (!fromPkcs7.ok || fromPkcs7.certificates.length !== COUNT) throw new Error("PKCS#7 did not decode");
    summarize.push(t2 - t1);
    chain.push(t3 - t2);
  }
  const kb = Math.round(new TextEncoder().encode(bundle).length / 1024);
  console.log(
    `x509-parse (Node ${process.version}): ${COUNT}-certificate PEM bundle, ${kb} KB, decode: median of ${DECODE_PAIRS} alternating pairs of ${RUNS_PER_BLOCK}-run blocks after ${DECODE_WARMUP} warm-up pairs; the rest: median of ${ROUNDS} rounds`,
  );
  console.log(
    `  decodeCertificates:          ${median(decode).toFixed(1)} ms (a run, averaged over its block)`,
  );
  console.log(
    `  bare decode loop:            ${median(bare).toFixed(1)} ms (decodeCertificates is ${median(decode.map((d, i) => d / bare[i]!)).toFixed(2)}x, the median of each pair's ratio; goal ≤ 1.5x)`,
  );
  console.log(
    `  decode + summarizeCertificate x ${COUNT}:  ${median(summarize).toFixed(1)} ms (SHA-1 + SHA-256 + self-signature check)`,
  );
  console.log(`  orderCertificateChain:       ${median(chain).toFixed(1)} ms`);
  console.log(
    `  the same as PKCS#7 (DER):    ${median(pkcs7).toFixed(1)} ms (${(median(pkcs7) / median(decode)).toFixed(2)}x the PEM bundle)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
