import { encodePem } from "./base64";
import { readCertificateFields, type CertificateFields } from "./certificate-fields";
import { DerError } from "./der";
import type { X509Error } from "./errors";
import { X509Certificate } from "./peculiar";

/** A certificate that decoded cleanly: its DER, a normalised PEM, its fields and the library object. */
export interface ParsedCertificate {
  der: Uint8Array;
  /** One `CERTIFICATE` block, LF line endings, 64-character lines, trailing newline. */
  pem: string;
  fields: CertificateFields;
  /** The @peculiar/x509 object, used for signature checks. */
  x509: X509Certificate;
}

/**
 * Parses one DER certificate with both our reader and @peculiar/x509, so a structure only one of
 * them accepts is still refused. Throws `DerError` (never anything else) when it does not parse.
 */
export function parseCertificateDer(der: Uint8Array): ParsedCertificate {
  const fields = readCertificateFields(der);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der.slice());
  } catch (error) {
    throw new DerError(error instanceof Error ? error.message : "the certificate does not decode");
  }
  return { der, pem: encodePem(der), fields, x509 };
}

/** What `decodeCertificates` returns: certificates in input order, or one coded refusal. */
export type DecodeResult =
  | { ok: true; certificates: ParsedCertificate[] }
  | { ok: false; error: X509Error };
