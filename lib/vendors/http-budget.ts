import "server-only";

import { VENDOR_LABELS, type Vendor } from "@/lib/connections/schemas";
import { VendorError } from "./errors";
import type { HttpDeps } from "./http-deps";
import { countRateLimitWait } from "./http-metrics";
import { displayUrl, isRead, type HttpRequest } from "./http-request";
import { RateBudgetExhausted, type RateBucket } from "./rate-budget-limiter";

/**
 * Waits until the vendor account's rate budget has a slot for one attempt of `request`. A request
 * that would wait longer than it may fails as `rate-limited` with the time to come back, before
 * anything is sent (a write is then certainly not applied). A read whose scope is `abandoned`
 * leaves the queue without taking a slot.
 */
export async function admitRequest(
  vendor: Vendor,
  deps: HttpDeps,
  buckets: readonly RateBucket[],
  request: HttpRequest<unknown>,
  abandoned?: AbortSignal,
): Promise<void> {
  const write = !isRead(request);
  try {
    const waitedMs = await deps.limiter.acquire(buckets, {
      write,
      maxWaitMs: write ? deps.budgetWaitMs.write : deps.budgetWaitMs.read,
      signal: abandoned,
    });
    if (waitedMs > 0) countRateLimitWait(vendor, "budget", waitedMs);
  } catch (error) {
    if (!(error instanceof RateBudgetExhausted)) throw error;
    const seconds = Math.ceil(error.retryAfterMs / 1000);
    throw new VendorError({
      vendor,
      kind: "rate-limited",
      operation: request.operation,
      method: request.method,
      url: displayUrl(request.url),
      retryAfterSeconds: seconds,
      retryable: false,
      outcome: write ? "not-applied" : undefined,
      vendorMessage: "Trustdeck's rate budget for this account is used up",
      userMessage: `Trustdeck is pacing its requests to ${VENDOR_LABELS[vendor]} to stay within the account's rate limits, and nothing was sent. Try again in ${seconds} s.`,
    });
  }
}
