import "server-only";

import { createHash } from "node:crypto";

import type { HttpMethod } from "./http-request";
import type { RateBucket } from "./rate-budget-limiter";

export {
  processRateLimiter,
  RateBudgetExhausted,
  SlidingWindowLimiter,
  type LimiterClock,
  type RateBucket,
} from "./rate-budget-limiter";

/** One documented (or chosen) vendor limit: `limit` requests per `windowMs` per account scope. */
export interface RateRule<C> {
  /** What the limit counts, for keys and diagnostics: "GET per organization". */
  name: string;
  /** The methods it counts; all methods when omitted. */
  methods?: readonly HttpMethod[];
  limit: number;
  windowMs: number;
  /**
   * The vendor account the limit is kept per (an organization, a token, an API of an endpoint),
   * as a key; `operation` is the call's operation name.
   */
  scope: (conn: C, operation: string) => string;
}

/** A vendor's rate limits, declared in its folder beside its client. */
export interface VendorRateBudget<C> {
  /** Where the numbers come from: the vendor's documentation, or why we chose them. */
  source: string;
  rules: readonly RateRule<C>[];
}

/** Use this share of each documented limit by default: other tools may share the account. */
export const DEFAULT_HEADROOM_PERCENT = 80;

/**
 * The percentage of each documented limit one instance may use when `instances` servers share the
 * same vendor accounts. The limiter lives in each process (a shared counter would cost a database
 * round trip per vendor request), so instances split the budget evenly instead: together they stay
 * within `percent` of the vendor's limit, whichever instance the users reach.
 */
export function instanceShareOfBudget(percent: number, instances: number): number {
  return percent / Math.max(1, Math.floor(instances));
}

/** Share of each window kept for writes, so reads queued behind a busy list never block a rotation. */
const WRITE_RESERVE = 0.1;

/**
 * The buckets one request of `method` draws from, each limit scaled by `headroomPercent`.
 * Buckets that count only reads reserve nothing; buckets shared with writes keep 10 % for them.
 */
export function rateBucketsFor<C>(
  vendor: string,
  budget: VendorRateBudget<C>,
  conn: C,
  request: { method: HttpMethod; operation: string },
  headroomPercent = DEFAULT_HEADROOM_PERCENT,
): RateBucket[] {
  return budget.rules
    .filter((rule) => !rule.methods || rule.methods.includes(request.method))
    .map((rule) => {
      const limit = Math.max(1, Math.floor((rule.limit * headroomPercent) / 100));
      const countsWrites = !rule.methods || rule.methods.some((m) => m !== "GET");
      return {
        key: `${vendor}|${rule.name}|${rule.scope(conn, request.operation)}`,
        limit,
        windowMs: rule.windowMs,
        reservedForWrites: countsWrites && limit > 1 ? Math.max(1, Math.floor(limit * WRITE_RESERVE)) : 0,
      };
    });
}

/**
 * `buckets` computed once per method and operation and reused: a client is made for one
 * connection's settings (client-cache.ts), so its buckets never change, and computing them hashes
 * the token and parses the base URL (a fifth of the rate budget's cost per request).
 */
export function bucketsPerRequestKind(
  buckets: (request: { method: HttpMethod; operation: string }) => RateBucket[],
): (request: { method: HttpMethod; operation: string }) => readonly RateBucket[] {
  const byMethod = new Map<HttpMethod, Map<string, readonly RateBucket[]>>();
  return (request) => {
    let byOperation = byMethod.get(request.method);
    if (!byOperation) byMethod.set(request.method, (byOperation = new Map()));
    let known = byOperation.get(request.operation);
    if (!known) {
      known = Object.freeze(buckets(request).map((bucket) => Object.freeze(bucket)));
      byOperation.set(request.operation, known);
    }
    return known;
  };
}

/** A stable key for a credential (a token) that does not keep the credential itself. */
export function credentialKey(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url").slice(0, 22);
}
