// Compares the library's own strict DER reader with @peculiar/asn1-schema + @peculiar/asn1-x509
// (already installed, under @peculiar/x509) on speed and on strictness: how many of the crafted
// certificates OpenSSL refuses (lib/x509/fixtures/strict) each one accepts.
// Run: npx tsx bench/x509-asn1-libraries.ts   (figures are printed, never asserted)
import "@abraham/reflection";
import { AsnConvert } from "@peculiar/asn1-schema";
import { Certificate } from "@peculiar/asn1-x509";
import { decodeCertificates } from "../lib/x509/decode";
import { readStrictCorpus } from "../lib/x509/fixtures/read-fixtures";
import { buildBundle } from "./x509-bundle";

const ROUNDS = 7;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function peculiarAccepts(der: Uint8Array): boolean {
  try {
    const certificate = AsnConvert.parse(der, Certificate);
    // Touch the names so that lazily decoded strings are decoded too.
    JSON.stringify(certificate.tbsCertificate.subject);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const bundle = decodeCertificates(await buildBundle(), { maxBytes: 2 * 1024 * 1024 });
  if (!bundle.ok) throw new Error(bundle.error.message);
  const ders = bundle.certificates.map((cert) => cert.der);
  const ours: number[] = [];
  const peculiar: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let t0 = performance.now();
    for (const der of ders) decodeCertificates(der);
    ours.push(performance.now() - t0);
    t0 = performance.now();
    for (const der of ders) AsnConvert.parse(der, Certificate);
    peculiar.push(performance.now() - t0);
  }
  const refused = readStrictCorpus().filter((entry) => !entry.openssl.opensslParses);
  const oursLax = refused.filter((entry) => decodeCertificates(entry.der).ok).map((entry) => entry.kind);
  const peculiarLax = refused.filter((entry) => peculiarAccepts(entry.der)).map((entry) => entry.kind);
  console.log(
    `x509-asn1-libraries (Node ${process.version}): ${ders.length} DER certificates, median of ${ROUNDS}`,
  );
  console.log(`  lib/x509 strict reader (full decode):      ${median(ours).toFixed(1)} ms`);
  console.log(`  @peculiar/asn1-schema parse (structure):   ${median(peculiar).toFixed(1)} ms`);
  console.log(`  of ${refused.length} crafted certificates OpenSSL refuses, accepted by:`);
  console.log(`    lib/x509:               ${oursLax.length} ${oursLax.join(", ")}`);
  console.log(`    @peculiar/asn1-schema:  ${peculiarLax.length} ${peculiarLax.join(", ")}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
