import { X509_ERROR_CODES, type ErrorCode } from "@/lib/auth/error-codes";
import { decodeCertificates } from "@/lib/x509/decode";
import type { Finding } from "@/lib/x509/findings";
import { allCertificateFindings } from "./findings";
import { summarizeCertificate, type CertificateSummary } from "@/lib/x509/summary";
import { validityLimitOf, type Vendor } from "@/lib/vendors/descriptors";
import { BLOCKING_FINDINGS, blockingFinding } from "./refusal";

export type PemCheck =
  | { ok: true; summary: CertificateSummary; findings: Finding[] }
  | { ok: false; code: ErrorCode; message: string };

/**
 * The server's own check of an uploaded certificate (the browser preview is a convenience):
 * exactly one certificate, no private key, not expired, not already in the set.
 */
export async function checkUploadedPem(
  input: string,
  context: { vendor: Vendor; now: Date; existingSha256: string[] },
): Promise<PemCheck> {
  const decoded = decodeCertificates(input);
  if (!decoded.ok)
    return { ok: false, code: X509_ERROR_CODES[decoded.error.code], message: decoded.error.message };
  if (decoded.certificates.length !== 1) {
    return {
      ok: false,
      code: "not-one-certificate",
      message: `This input holds ${decoded.certificates.length} certificates; upload exactly one (the signing certificate itself, without its chain).`,
    };
  }
  const summary = await summarizeCertificate(decoded.certificates[0]!);
  const findings = allCertificateFindings(summary, {
    now: context.now,
    use: "upload",
    ...validityLimitOf(context.vendor),
    existingSha256: context.existingSha256,
  });
  const blocking = blockingFinding(findings);
  if (blocking) return { ok: false, code: BLOCKING_FINDINGS[blocking.code], message: blocking.message };
  return { ok: true, summary, findings };
}
