import "server-only";

/** How reads are retried. Writes are never retried, whatever this says. */
export interface RetryPolicy {
  /** Total attempts for a read, the first one included. */
  maxAttempts: number;
  /** The first backoff step; each further step doubles it. */
  baseDelayMs: number;
  /** The ceiling of one backoff step. */
  maxDelayMs: number;
  /**
   * The longest Retry-After we are willing to wait inside one request. Cloudflare blocks for five
   * minutes after a breach: waiting that long would hang the page, so such a 429 fails at once and
   * tells the user when to come back.
   */
  maxRetryAfterMs: number;
  /** No retry starts once a read has taken this long in total (attempts and waits). */
  maxTotalMs: number;
}

/** Up to 4 attempts within 45 s, 250 ms doubling to 8 s, Retry-After honoured up to 20 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 20_000,
  maxTotalMs: 45_000,
};

/** The HTTP statuses after which a read may be tried again. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Exponential backoff with "equal jitter": half of the step is fixed, half random, so that
 * concurrent dashboards that failed together do not retry together.
 * `attempt` is the number of the attempt that just failed (1 for the first).
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

/**
 * Reads `Retry-After` (delta-seconds or an HTTP date, RFC 9110 §10.2.3) and the `retry-after-ms`
 * extension some gateways send. Returns milliseconds to wait, or undefined when absent/unreadable.
 */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.max(0, Number(ms));
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
