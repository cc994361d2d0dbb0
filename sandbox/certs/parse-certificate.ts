import "@abraham/reflection";
import * as x509 from "@peculiar/x509";
import { createHash } from "node:crypto";

/** The facts about a certificate that the simulators return or check. */
export interface ParsedCertificate {
  der: Buffer;
  subject: string;
  issuer: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  /** Java-style name, as Huawei reports it: `SHA256withRSA`. */
  signatureAlgorithm: string;
  /** Base64 SubjectPublicKeyInfo DER. */
  publicKeyBase64: string;
  /** Upper-case SHA-1 hex of the DER: the thumbprint UiPath shows. */
  sha1Thumbprint: string;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Parses DER bytes; undefined when they are not an X.509 certificate. */
export function parseDer(der: Buffer): ParsedCertificate | undefined {
  if (der.length < 64 || der[0] !== 0x30) return undefined;
  try {
    const cert = new x509.X509Certificate(new Uint8Array(der));
    return {
      der,
      subject: cert.subject,
      issuer: cert.issuer,
      serialHex: cert.serialNumber.toLowerCase(),
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
      signatureAlgorithm: javaSignatureName(cert.signatureAlgorithm),
      publicKeyBase64: Buffer.from(cert.publicKey.rawData).toString("base64"),
      sha1Thumbprint: createHash("sha1").update(der).digest("hex").toUpperCase(),
    };
  } catch {
    return undefined;
  }
}

/**
 * Huawei's import takes exactly one PEM `CERTIFICATE` block (CRLF or LF line ends).
 * Anything else, including a second block or a key, is rejected.
 */
export function parseSinglePem(text: string): ParsedCertificate | undefined {
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length !== 1 || blocks[0]![1] !== "CERTIFICATE") return undefined;
  if (text.replace(PEM_BLOCK, "").trim() !== "") return undefined;
  return parseDer(base64Body(blocks[0]![2]!));
}

/**
 * UiPath's upload format is undocumented: accept PEM (the first CERTIFICATE block;
 * a private key block beside it is allowed and ignored) or bare base64 DER.
 */
export function parseCertificateText(text: string): ParsedCertificate | undefined {
  for (const block of text.matchAll(PEM_BLOCK)) {
    if (block[1] === "CERTIFICATE") return parseDer(base64Body(block[2]!));
  }
  const compact = text.replace(/\s+/g, "");
  if (compact === "" || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  return parseDer(Buffer.from(compact, "base64"));
}

/** PEM text for DER, with the given line ending (Huawei uses CRLF). */
export function toPem(der: Buffer, eol: "\n" | "\r\n" = "\n"): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return ["-----BEGIN CERTIFICATE-----", ...lines, "-----END CERTIFICATE-----"].join(eol);
}

function base64Body(body: string): Buffer {
  return Buffer.from(body.replace(/\s+/g, ""), "base64");
}

function javaSignatureName(alg: Algorithm): string {
  const hash = (alg as RsaHashedKeyAlgorithm).hash;
  const hashName = (typeof hash === "string" ? hash : hash?.name ?? "").replace("-", "");
  if (alg.name === "RSASSA-PKCS1-v1_5") return `${hashName}withRSA`;
  if (alg.name === "ECDSA") return `${hashName}withECDSA`;
  return alg.name;
}
