/** Switches that change simulator behaviour at run time (POST /__sandbox/settings). */
export interface SandboxSettings {
  /** Enforce the vendors' rate limits (UiPath per org, Cloudflare per token). */
  rateLimits: boolean;
  /** UiPath does not document Retry-After on 429; send it unless this is false. */
  uipathRetryAfter: boolean;
  /**
   * Cloudflare list past the last page: `empty` (documented: `result: []`) or
   * `echo-last` (the behaviour reported in cloudflare-python PR#2682), to test client guards.
   */
  cloudflarePastLastPage: "empty" | "echo-last";
  /** Timeout of the UiPath simulator's JWKS fetches (issuer reachability, assertions). */
  jwksTimeoutMs: number;
}

/** The settings a fresh sandbox starts with. */
export function defaultSettings(): SandboxSettings {
  return { rateLimits: true, uipathRetryAfter: true, cloudflarePastLastPage: "empty", jwksTimeoutMs: 3000 };
}
