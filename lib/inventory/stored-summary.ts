import type { CertificateSummary } from "@/lib/x509/summary";

/** The summary columns every stored certificate row has (inventory_certificates). */
export interface StoredSummaryColumns {
  sha256: string;
  sha1: string;
  subject: string;
  commonName: string | null;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  keyAlgorithm: string;
  keySize: number | null;
  signatureAlgorithm: string;
}

/** What a stored row says of its certificate, in the summary's own shape (no PEM is stored with it). */
export type StoredSummary = Pick<
  CertificateSummary,
  | "sha1"
  | "sha256"
  | "subject"
  | "issuer"
  | "commonName"
  | "serialNumber"
  | "notBefore"
  | "notAfter"
  | "keyAlgorithm"
  | "keySize"
  | "signatureAlgorithm"
>;

/** A stored row's certificate summary: dates as ISO 8601, absent values left out (not null). */
export function storedSummary(row: StoredSummaryColumns): StoredSummary {
  const summary: StoredSummary = {
    sha1: row.sha1,
    sha256: row.sha256,
    subject: row.subject,
    issuer: row.issuer,
    serialNumber: row.serialNumber,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    keyAlgorithm: row.keyAlgorithm,
    signatureAlgorithm: row.signatureAlgorithm,
  };
  if (row.commonName) summary.commonName = row.commonName;
  if (row.keySize !== null) summary.keySize = row.keySize;
  return summary;
}
