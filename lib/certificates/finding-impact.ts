import type { CertificateImpact } from "./breaks-at";

// Client-safe and pure: the expiry findings of lib/x509 speak of a certificate alone ("sign-in
// that relies on it fails"). Once its role is known, a certificate nothing depends on is
// housekeeping: the same finding, low severity, worded as what to remove and why it is safe.

const EXPIRY_CODES = new Set([
  "EXPIRED",
  "EXPIRES_WITHIN_7_DAYS",
  "EXPIRES_WITHIN_30_DAYS",
  "EXPIRES_WITHIN_60_DAYS",
]);

interface FindingLike {
  code: string;
  severity: string;
  message: string;
}

/**
 * The findings of a certificate given its impact on sign-in: expiry findings of a housekeeping
 * or inactive certificate become `info`, with a sentence that says it can go and why that is
 * safe (`roleExplanation`, the vendor's reason nothing depends on it). Other findings keep theirs.
 */
export function findingsForImpact<F extends FindingLike>(
  findings: readonly F[],
  impact: CertificateImpact | "empty",
  roleExplanation?: string,
): F[] {
  if (impact !== "housekeeping" && impact !== "inactive") return [...findings];
  return findings.map((finding) => {
    if (!EXPIRY_CODES.has(finding.code)) return finding;
    const what = finding.code === "EXPIRED" ? "It has expired" : "It expires soon";
    const why = roleExplanation ?? "Nothing depends on it for sign-in.";
    return {
      ...finding,
      severity: "info",
      message: `Housekeeping: ${what}, and nothing depends on it. ${why} Removing it is safe: sign-in does not change.`,
    };
  });
}
