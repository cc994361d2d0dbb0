// The 200-certificate bundle both x509 benches parse (Node and Chromium).
import "@abraham/reflection";
import { X509CertificateGenerator } from "@peculiar/x509";

export const COUNT = 200;

/** 200 distinct certificates: RSA-2048 keys signed by one generated key, SAML-like validity. */
export async function buildBundle(): Promise<string> {
  const algorithm = {
    name: "RSASSA-PKCS1-v1_5",
    hash: "SHA-256",
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 2048,
  };
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
