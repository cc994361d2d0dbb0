/** The verdict of a rate-limit check. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window (or block) ends. */
  resetSeconds: number;
}

interface Bucket {
  windowStart: number;
  count: number;
  blockedUntil: number;
}

/**
 * Fixed-window counters keyed by caller, on the sandbox clock. `blockMs` keeps a key
 * blocked after a breach (Cloudflare blocks all calls for 5 minutes).
 */
export class RateWindow {
  private buckets = new Map<string, Bucket>();

  constructor(
    private readonly windowMs: number,
    private readonly blockMs = 0,
  ) {}

  /** Counts one request for `key` against `limit`. */
  hit(key: string, limit: number, nowMs: number): RateDecision {
    let b = this.buckets.get(key);
    if (!b || nowMs - b.windowStart >= this.windowMs || nowMs < b.windowStart) {
      b = {
        windowStart: nowMs - (nowMs % this.windowMs),
        count: 0,
        blockedUntil: b && nowMs < b.blockedUntil ? b.blockedUntil : 0,
      };
      this.buckets.set(key, b);
    }
    if (nowMs < b.blockedUntil) {
      return {
        allowed: false,
        limit,
        remaining: 0,
        resetSeconds: Math.ceil((b.blockedUntil - nowMs) / 1000),
      };
    }
    b.count++;
    const resetSeconds = Math.max(1, Math.ceil((b.windowStart + this.windowMs - nowMs) / 1000));
    if (b.count > limit) {
      if (this.blockMs > 0) {
        b.blockedUntil = nowMs + this.blockMs;
        return { allowed: false, limit, remaining: 0, resetSeconds: Math.ceil(this.blockMs / 1000) };
      }
      return { allowed: false, limit, remaining: 0, resetSeconds };
    }
    return { allowed: true, limit, remaining: limit - b.count, resetSeconds };
  }

  /** Forgets every counter. */
  clear(): void {
    this.buckets = new Map();
  }
}
