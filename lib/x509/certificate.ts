import { encodePem } from "./base64";
import { readCertificateFields, type CertificateFields } from "./certificate-fields";
import type { X509Error } from "./errors";

/** A certificate that decoded cleanly: its DER, a normalised PEM and its fields. */
export interface ParsedCertificate {
  der: Uint8Array;
  /** One `CERTIFICATE` block, LF line endings, 64-character lines, trailing newline. */
  pem: string;
  fields: CertificateFields;
}

/**
 * Parses one DER certificate. Throws `DerError` (never anything else) when it does not parse.
 * Our own reader is used rather than @peculiar/x509's: it is about ten times faster (vendor
 * adapters summarise every certificate they list) and also reads names it refuses (otherName).
 */
export function parseCertificateDer(der: Uint8Array): ParsedCertificate {
  const parsed = { der, fields: readCertificateFields(der) } as ParsedCertificate;
  // The PEM is written when first read (a preview of 200 certificates shows one of them), as an
  // enumerable own property, so structured clone (the Web Worker) and JSON still carry it.
  let pem: string | undefined;
  return Object.defineProperty(parsed, "pem", { enumerable: true, get: () => (pem ??= encodePem(der)) });
}

/** What `decodeCertificates` returns: certificates in input order, or one coded refusal. */
export type DecodeResult = { ok: true; certificates: ParsedCertificate[] } | { ok: false; error: X509Error };
