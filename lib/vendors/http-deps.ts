import "server-only";

import { getEnv } from "@/lib/env";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./http-retry";
import { instanceShareOfBudget } from "./rate-budget";
import { processRateLimiter, type SlidingWindowLimiter } from "./rate-budget-limiter";
import { processReadCache, type ReadCache } from "./read-cache";
import { vendorFetch } from "./vendor-fetch";

/** The `fetch` signature we depend on. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Everything a vendor client needs from its environment; tests inject fakes. */
export interface HttpDeps {
  fetch: FetchLike;
  /** Wall clock in epoch ms: Retry-After dates, token expiry, Huawei's X-Sdk-Date. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): backoff jitter. */
  random: () => number;
  /** Per attempt, covering the response body as well as the status line. */
  timeoutMs: number;
  retry: RetryPolicy;
  /** The rate budget every request waits for (process-wide, shared with the scheduled refresh). */
  limiter: SlidingWindowLimiter;
  /** The share of each vendor's documented limits Trustdeck uses, in percent. */
  rateHeadroomPercent: number;
  /**
   * How long a request may wait for a slot of the budget before it fails as rate-limited (a read
   * serves a page; a write is the user's change, sent before the reads queued with it).
   */
  budgetWaitMs: { read: number; write: number };
  /** Live reads shared across users; a write on a connection drops its entries. */
  readCache: ReadCache;
}

/** What callers may override; anything left out is the real thing. */
export type HttpDepsInput = Partial<Omit<HttpDeps, "retry">> & { retry?: Partial<RetryPolicy> };

/** Partial deps with the real ones filled in. */
export function resolveHttpDeps(deps: HttpDepsInput = {}): HttpDeps {
  return {
    fetch: deps.fetch ?? vendorFetch,
    now: deps.now ?? Date.now,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: deps.random ?? Math.random,
    timeoutMs: deps.timeoutMs ?? 15_000,
    retry: { ...DEFAULT_RETRY_POLICY, ...deps.retry },
    limiter: deps.limiter ?? processRateLimiter(),
    rateHeadroomPercent:
      deps.rateHeadroomPercent ??
      instanceShareOfBudget(getEnv().VENDOR_RATE_BUDGET_PERCENT, getEnv().VENDOR_RATE_BUDGET_INSTANCES),
    budgetWaitMs: deps.budgetWaitMs ?? { read: 10_000, write: 30_000 },
    readCache: deps.readCache ?? processReadCache(),
  };
}
