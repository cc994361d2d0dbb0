import { daysLeft, expiryStatus } from "./expiry";
import type { CertificateSummary } from "./summary";
import { formatThumbprint, thumbprintsEqual } from "./thumbprint-format";
import { daysAgo } from "@/lib/time/format";

export { daysLeft, expiryStatus, type ExpiryStatus } from "./expiry";

export type FindingSeverity = "critical" | "warning" | "info";

export type FindingCode =
  | "EXPIRED"
  | "NOT_YET_VALID"
  | "EXPIRES_WITHIN_7_DAYS"
  | "EXPIRES_WITHIN_30_DAYS"
  | "EXPIRES_WITHIN_60_DAYS"
  | "WEAK_RSA_KEY"
  | "SHA1_SIGNATURE"
  | "MD5_SIGNATURE"
  | "SELF_SIGNED"
  | "SIGNATURE_INVALID"
  | "SIGNATURE_NOT_CHECKED"
  | "VALIDITY_TOO_LONG"
  | "DUPLICATE_CERTIFICATE"
  // Added by lib/certificates/findings.ts (text rules live outside lib/x509).
  | "HIDDEN_CHARACTERS";

/** One observation about a certificate, with a stable code and a sentence for people. */
export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  message: string;
}

export interface FindingContext {
  now: Date;
  /** Longest lifetime accepted without a VALIDITY_TOO_LONG warning (the caller's vendor limit). */
  maxValidityDays?: number;
  /** Who sets that limit, for the message ("… accepts at most"); "This connection" when absent. */
  limitOwner?: string;
  /** SHA-256 thumbprints (any case, with or without colons) already in the target set. */
  existingSha256?: string[];
  /**
   * `upload`: the certificate is about to be uploaded or imported, into a slot whose role Trustdeck
   * cannot know yet, so expiry findings say what happens once it is installed and expires, never
   * that sign-in fails now. `installed` (the default): it is in a set already.
   */
  use?: "installed" | "upload";
}

export const MIN_RSA_KEY_BITS = 2048;

const DAY_MS = 86_400_000;
const day = (iso: string) => iso.slice(0, 10);
const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
// The same count as the app's "expired N days ago" (lib/time), so no two places disagree.
const expiredAgo = (notAfter: string, now: Date) => {
  const ago = daysAgo(notAfter, now);
  return ago === 0 ? "today" : `${plural(ago, "day")} ago`;
};

/** The expiry sentences of a certificate already in a set, and of one about to be uploaded. */
const EXPIRY_WORDS = {
  installed: {
    expired: (when: string, ago: string) => `Expired on ${when} (${ago}): sign-in that relies on it fails.`,
    lt7: (when: string, left: string) => `Expires on ${when}, in ${left}: rotate it now.`,
    lt30: (when: string, left: string) => `Expires on ${when}, in ${left}: plan the rotation.`,
  },
  upload: {
    expired: (when: string, ago: string) =>
      `Expired on ${when} (${ago}): identity providers and vendors reject an expired certificate, so once installed nothing could rely on it.`,
    lt7: (when: string, left: string) =>
      `Expires on ${when}, in ${left}: if it is installed, whatever relies on it then stops accepting it on that date — it would need replacing within ${left}.`,
    lt30: (when: string, left: string) =>
      `Expires on ${when}, in ${left}: if it is installed, plan its replacement before that date.`,
  },
} as const;

function validityFindings(summary: CertificateSummary, context: FindingContext): Finding[] {
  const { now } = context;
  if (Date.parse(summary.notBefore) > now.getTime()) {
    return [
      {
        code: "NOT_YET_VALID",
        severity: "critical",
        message: `Not valid until ${day(summary.notBefore)}: identity providers will reject it before then.`,
      },
    ];
  }
  const words = EXPIRY_WORDS[context.use ?? "installed"];
  const left = plural(daysLeft(summary.notAfter, now), "day");
  const when = day(summary.notAfter);
  switch (expiryStatus(summary.notAfter, now)) {
    case "expired":
      return [
        {
          code: "EXPIRED",
          severity: "critical",
          message: words.expired(when, expiredAgo(summary.notAfter, now)),
        },
      ];
    case "lt7":
      return [{ code: "EXPIRES_WITHIN_7_DAYS", severity: "critical", message: words.lt7(when, left) }];
    case "lt30":
      return [{ code: "EXPIRES_WITHIN_30_DAYS", severity: "warning", message: words.lt30(when, left) }];
    case "lt60":
      return [
        { code: "EXPIRES_WITHIN_60_DAYS", severity: "info", message: `Expires on ${when}, in ${left}.` },
      ];
    default:
      return [];
  }
}

function algorithmFindings(summary: CertificateSummary): Finding[] {
  const findings: Finding[] = [];
  if (
    (summary.keyAlgorithm === "RSA" || summary.keyAlgorithm === "RSA-PSS") &&
    summary.keySize !== undefined &&
    summary.keySize < MIN_RSA_KEY_BITS
  ) {
    findings.push({
      code: "WEAK_RSA_KEY",
      severity: "critical",
      message: `The RSA key has ${summary.keySize} bits; at least ${MIN_RSA_KEY_BITS} are needed, and many vendors refuse smaller keys.`,
    });
  }
  if (summary.signatureHash === "MD5" || summary.signatureHash === "MD2") {
    findings.push({
      code: "MD5_SIGNATURE",
      severity: "critical",
      message: `Signed with ${summary.signatureHash} (${summary.signatureAlgorithm}), which is broken; issue a certificate signed with SHA-256.`,
    });
  } else if (summary.signatureHash === "SHA-1") {
    findings.push({
      code: "SHA1_SIGNATURE",
      severity: "warning",
      message: `Signed with SHA-1 (${summary.signatureAlgorithm}), which is deprecated and refused by some vendors; prefer SHA-256.`,
    });
  }
  return findings;
}

function signatureFindings(summary: CertificateSummary): Finding[] {
  if (summary.signatureCheck === "failed") {
    return [
      {
        code: "SIGNATURE_INVALID",
        severity: "critical",
        message: "The signature does not verify: the certificate was altered or is corrupt.",
      },
    ];
  }
  if (summary.signatureCheck === "not-checked") {
    return [
      {
        code: "SIGNATURE_NOT_CHECKED",
        severity: "info",
        message: `Signature not checked (algorithm ${summary.signatureAlgorithm}): this runtime cannot verify it, so nothing is claimed about who signed it.`,
      },
    ];
  }
  return [];
}

function policyFindings(summary: CertificateSummary, context: FindingContext): Finding[] {
  const findings: Finding[] = [];
  const maxDays = context.maxValidityDays;
  const lifetime = Math.floor((Date.parse(summary.notAfter) - Date.parse(summary.notBefore)) / DAY_MS);
  if (maxDays !== undefined && lifetime > maxDays) {
    const who = context.limitOwner ?? "This connection";
    findings.push({
      code: "VALIDITY_TOO_LONG",
      severity: "warning",
      message: `Valid for ${plural(lifetime, "day")}; ${who} accepts at most ${plural(maxDays, "day")}.`,
    });
  }
  if (context.existingSha256?.some((existing) => thumbprintsEqual(existing, summary.sha256))) {
    findings.push({
      code: "DUPLICATE_CERTIFICATE",
      severity: "warning",
      message: `This certificate (SHA-256 ${formatThumbprint(summary.sha256, "colon").slice(0, 11)}…) is already in this set.`,
    });
  }
  if (summary.selfSigned) {
    findings.push({
      code: "SELF_SIGNED",
      severity: "info",
      message:
        "Self-signed. That is normal for SAML: the identity provider trusts this exact certificate, not a CA.",
    });
  }
  return findings;
}

const ORDER: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * Checks a certificate against time (`context.now`), algorithm strength and the target set, and
 * returns findings ordered most severe first. Pure: the same input gives the same findings.
 */
export function certificateFindings(summary: CertificateSummary, context: FindingContext): Finding[] {
  return [
    ...validityFindings(summary, context),
    ...signatureFindings(summary),
    ...algorithmFindings(summary),
    ...policyFindings(summary, context),
  ]
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => ORDER[a.finding.severity] - ORDER[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
}
