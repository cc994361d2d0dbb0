// Parses a 200-certificate PEM bundle with lib/x509 and prints how long it takes (Node).
// Run: npx tsx bench/x509-parse.ts   (figures are printed, never asserted)
import "@abraham/reflection";
import { X509CertificateGenerator } from "@peculiar/x509";
import { decodeCertificates } from "../lib/x509/decode";
import { summarizeCertificate } from "../lib/x509/summary";
import { orderCertificateChain } from "../lib/x509/chain";

const COUNT = 200;
const ROUNDS = 7;

/** 200 distinct certificates: RSA-2048 keys signed by one generated key, SAML-like validity. */
async function buildBundle(): Promise<string> {
  const algorithm = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = await crypto.subtle.generateKey(algorithm, false, ["sign", "verify"]);
  const pems: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const certificate = await X509CertificateGenerator.createSelfSigned({
      serialNumber: (0x1000 + i).toString(16),
      name: `CN=bench-${i}.example.com, O=Trustdeck Bench`,
      notBefore: new Date("2025-01-01T00:00:00Z"),
      notAfter: new Date("2030-01-01T00:00:00Z"),
      keys,
      signingAlgorithm: algorithm,
    });
    pems.push(certificate.toString("pem"));
  }
  return pems.join("\n");
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
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    const result = decodeCertificates(bundle, { maxBytes: 2 * 1024 * 1024 });
    const t1 = performance.now();
    if (!result.ok) throw new Error(result.error.message);
    if (result.certificates.length !== COUNT) throw new Error(`decoded ${result.certificates.length} certificates`);
    await Promise.all(result.certificates.map(summarizeCertificate));
    const t2 = performance.now();
    await orderCertificateChain(result.certificates);
    const t3 = performance.now();
    decode.push(t1 - t0);
    summarize.push(t2 - t1);
    chain.push(t3 - t2);
  }
  const kb = Math.round(new TextEncoder().encode(bundle).length / 1024);
  console.log(`x509-parse (Node ${process.version}): ${COUNT}-certificate PEM bundle, ${kb} KB, median of ${ROUNDS} rounds`);
  console.log(`  decodeCertificates:          ${median(decode).toFixed(1)} ms (first round ${decode[0]!.toFixed(1)} ms)`);
  console.log(`  summarizeCertificate x ${COUNT}:  ${median(summarize).toFixed(1)} ms (SHA-1 + SHA-256 + self-signature check)`);
  console.log(`  orderCertificateChain:       ${median(chain).toFixed(1)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
