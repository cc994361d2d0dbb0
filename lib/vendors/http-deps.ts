import "server-only";

import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./http-retry";

/** The `fetch` signature we depend on (also what the Cloudflare SDK accepts). */
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
}

/** What callers may override; anything left out is the real thing. */
export type HttpDepsInput = Partial<Omit<HttpDeps, "retry">> & { retry?: Partial<RetryPolicy> };

/** Partial deps with the real ones filled in. */
export function resolveHttpDeps(deps: HttpDepsInput = {}): HttpDeps {
  return {
    fetch: deps.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    now: deps.now ?? Date.now,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: deps.random ?? Math.random,
    timeoutMs: deps.timeoutMs ?? 15_000,
    retry: { ...DEFAULT_RETRY_POLICY, ...deps.retry },
  };
}
