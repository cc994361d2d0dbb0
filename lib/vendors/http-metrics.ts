import "server-only";

import type { Vendor } from "@/lib/connections/schemas";
import { processMetrics } from "@/lib/metrics/registry";

/** Why a request waited: the vendor's 429 Retry-After, or our own rate budget. */
export type RateLimitWaitReason = "retry-after" | "budget";

/** Counts one request sent to a vendor (each attempt is one), by outcome: `ok` or the error kind. */
export function countVendorRequest(
  vendor: Vendor,
  operation: string,
  outcome: string,
  status: number | undefined,
): void {
  processMetrics().vendorRequests.inc({
    vendor,
    operation,
    outcome,
    status: status ? String(status) : "none",
  });
}

/** Observes the duration of one call, retries and waits included. */
export function observeVendorCall(vendor: Vendor, operation: string, seconds: number): void {
  processMetrics().vendorRequestDuration.observe({ vendor, operation }, seconds);
}

/** Counts one wait for a rate limit and its length. */
export function countRateLimitWait(vendor: Vendor, reason: RateLimitWaitReason, waitedMs: number): void {
  const metrics = processMetrics();
  metrics.rateLimitWaits.inc({ vendor, reason });
  metrics.rateLimitWaitSeconds.inc({ vendor, reason }, waitedMs / 1000);
}
