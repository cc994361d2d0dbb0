// Client-safe: which certificates Trustdeck refuses to upload (the dialog disables Confirm for them,
// the server refuses them again), and which failed writes certainly left the vendor unchanged.
import type { ErrorCode } from "@/lib/auth/error-codes";
import { ERROR_CODES } from "@/lib/auth/error-codes";
import type { Finding } from "@/lib/x509/findings";

/** The findings that refuse an upload, with their result codes. */
export const BLOCKING_FINDINGS = {
  EXPIRED: "expired",
  DUPLICATE_CERTIFICATE: "duplicate-certificate",
} as const;

export type BlockingFinding = Finding & { code: keyof typeof BLOCKING_FINDINGS };

/** The first finding for which Trustdeck refuses the upload, if any. */
export function blockingFinding(findings: Finding[]): BlockingFinding | undefined {
  return findings.find((f): f is BlockingFinding => Object.hasOwn(BLOCKING_FINDINGS, f.code));
}

// Vendor failures after which the write may still have happened: the answer was lost or unreadable.
const MAYBE_APPLIED = new Set<ErrorCode>([
  "write-unknown",
  "server-lost",
  "ambiguous-write",
  "connection-lost",
  "timeout",
  "malformed-response",
  "malformed",
  "internal",
]);

/**
 * True when a failed write certainly changed nothing at the vendor: Trustdeck refused it before
 * sending, or the vendor refused it outright. False when the outcome is unknown (a lost answer).
 */
export function nothingChangedAtVendor(code: ErrorCode): boolean {
  // "write-not-applied" was re-read and changed nothing, but its own sentence already says so.
  if (MAYBE_APPLIED.has(code) || code === "write-not-applied") return false;
  return ERROR_CODES[code] !== "internal";
}
