import "server-only";

import { summarizeCertificatePem, type CertificateSummary } from "@/lib/x509/summary";
import { isX509InputError } from "@/lib/x509/errors";
import type { Vendor } from "@/lib/connections/schemas";
import { VendorError } from "./errors";
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
    return { slot, ...extra, certificate: await summarize(text) };
  } catch (error) {
    const parseError = isX509InputError(error)
      ? `${error.code}: ${error.message}`
      : "The vendor's certificate could not be read.";
    return { slot, ...extra, certificate: null, parseError };
  }
}

/** Summaries by exact certificate text, most recently used last. */
const summaries = new Map<string, Promise<CertificateSummary>>();
const MAX_CACHED = 2_000;

/**
 * Summarising (decode, thumbprints, self-signature check) costs far more than fetching a list
 * (bench/adapter-list.ts), and vendors return the same certificates on every refresh, so
 * summaries are memoised, bounded, by their exact text. Failures are not kept.
 */
function summarize(text: string): Promise<CertificateSummary> {
  const cached = summaries.get(text);
  if (cached) {
    summaries.delete(text);
    summaries.set(text, cached);
    return cached;
  }
  // Shared between results, so frozen: nobody can alter what another caller sees.
  const pending = summarizeCertificatePem(text).then(deepFreeze);
  summaries.set(text, pending);
  pending.catch(() => summaries.delete(text));
  if (summaries.size > MAX_CACHED) {
    const oldest = summaries.keys().next().value;
    if (oldest !== undefined) summaries.delete(oldest);
  }
  return pending;
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
