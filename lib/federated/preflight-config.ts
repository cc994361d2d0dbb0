import "server-only";
import { getEnv } from "@/lib/env";
import { parseAllowList } from "@/lib/net/allow-list";
import type { GuardedFetchOptions } from "./guarded-fetch";

/** Discovery documents and JWKS are small; anything larger is refused rather than buffered. */
export const PREFLIGHT_MAX_BYTES = 512 * 1024;

let cached: { spec: string | undefined; options: GuardedFetchOptions } | undefined;

/** The preflight's limits and allow-list, from the environment (ISSUER_PREFLIGHT_*). */
export function preflightOptions(): GuardedFetchOptions {
  const env = getEnv();
  if (!cached || cached.spec !== env.ISSUER_PREFLIGHT_ALLOW_PRIVATE) {
    cached = {
      spec: env.ISSUER_PREFLIGHT_ALLOW_PRIVATE,
      options: {
        allow: parseAllowList(env.ISSUER_PREFLIGHT_ALLOW_PRIVATE),
        allowVariable: "ISSUER_PREFLIGHT_ALLOW_PRIVATE",
        timeoutMs: env.ISSUER_PREFLIGHT_TIMEOUT_MS,
        maxBytes: PREFLIGHT_MAX_BYTES,
      },
    };
  }
  return cached.options;
}
