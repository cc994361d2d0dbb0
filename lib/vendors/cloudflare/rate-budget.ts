import "server-only";

import type { ConnectionFor } from "../model";
import { credentialKey, type VendorRateBudget } from "../rate-budget";

/**
 * Cloudflare's documented global limits: 1 200 requests per 5 minutes per user (kept per API
 * token here, the identity a request carries) and 200 requests per second per client IP (every
 * connection of this process shares one IP, so that one is kept per API host). Beyond them
 * Cloudflare answers 429 and blocks for the rest of the window.
 */
export const cloudflareRateBudget: VendorRateBudget<ConnectionFor<"cloudflare">> = {
  source: "Cloudflare API rate limits (1 200 requests / 5 min per user, 200 requests / s per IP)",
  rules: [
    {
      name: "requests per token",
      limit: 1_200,
      windowMs: 5 * 60_000,
      scope: (conn) => `${new URL(conn.baseUrl).host}/${credentialKey(conn.apiToken)}`,
    },
    {
      name: "requests per IP",
      limit: 200,
      windowMs: 1_000,
      scope: (conn) => new URL(conn.baseUrl).host,
    },
  ],
};
