import "server-only";

import { summarizeCertificatePem, type CertificateSummary } from "@/lib/x509/summary";
import { isX509InputError } from "@/lib/x509/errors";
import type { Vendor } from "@/lib/connections/schemas";
import { VendorError } from "./errors";
import { SummaryCache } from "./summary-cache";
import type { CertificateSlot } from "./model";

/**
 * Builds a slot from whatever certificate text the vendor returned (PEM with LF or CRLF, or bare
 * base64 DER as UiPath may send). A certificate we cannot read becomes `parseError`, not a
 * failure of the whole list: one bad slot must not hide the others.
 */
export async function slotFromCertificate(
  slot: CertificateSlot["slot"],
  text: string | null | undefined,
  extra: Omit<CertificateSlot, "slot" | "certificate" | "parseError"> = {},
): Promise<CertificateSlot> {
  if (!text || !text.trim()) return { slot, ...extra, certificate: null };
  try {
    return { slot, ...extra, certificate: await summaries.get(text, summarize) };
  } catch (error) {
    const parseError = isX509InputError(error)
      ? `${error.code}: ${error.message}`
      : "The vendor's certificate could not be read.";
    return { slot, ...extra, certificate: null, parseError };
  }
}

/**
 * The summary of a certificate text when it is known already, null when there is no certificate
 * (a blank text), undefined when it still has to be summarised (or could not be read).
 */
export function knownCertificate(text: string | null | undefined): CertificateSummary | null | undefined {
  // The cache first: it never holds a blank text, and a hit is the usual case.
  const certificate = text ? summaries.peek(text) : undefined;
  if (certificate) return certificate;
  return !text || !text.trim() ? null : undefined;
}

/**
 * Sized for the whole inventory, not for one page: a refresh reads every certificate of every
 * connection in turn, and a least-recently-used cache smaller than that cycle evicts each entry
 * just before it is needed again (at 2,000 entries, 2,400 certificates missed every time). About
 * 5 KB per entry (text and summary), so 20,000 certificates hold about 100 MB at most.
 */
const MAX_CACHED = 20_000;

/**
 * Summarising (decode, thumbprints, self-signature check) costs far more than fetching a list
 * (bench/adapter-list.ts), and vendors return the same certificates on every refresh, so
 * summaries are memoised, bounded, by their exact text. Failures are not kept.
 */
const summaries = new SummaryCache(MAX_CACHED);

/** Shared between results, so frozen: nobody can alter what another caller sees. */
function summarize(text: string): Promise<CertificateSummary> {
  return summarizeCertificatePem(text).then(deepFreeze);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Empties the summary cache (benchmarks measure cold listing with it). */
export function clearCertificateSummaryCache(): void {
  summaries.clear();
}

/**
 * Re-validates a certificate before it is sent to a vendor: exactly one certificate, no private
 * key (lib/x509 refuses those with a stable code). The browser's preview is not a check.
 */
export async function assertSingleCertificate(
  text: string,
  vendor: Vendor,
  operation: string,
): Promise<void> {
  try {
    await summarizeCertificatePem(text);
  } catch (error) {
    if (!isX509InputError(error)) throw error;
    throw new VendorError({
      vendor,
      kind: "validation",
      operation,
      retryable: false,
      vendorCode: error.code,
      fieldErrors: { pem: [error.message] },
      userMessage: error.message,
    });
  }
}
