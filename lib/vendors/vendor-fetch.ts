import "server-only";
import { createGuardedFetch, OutboundRefusedError } from "@/lib/net/guarded-fetch-like";
import type { AllowList } from "@/lib/net/allow-list";
import type { Resolver } from "@/lib/net/outbound-guard";
import { PinnedPools } from "@/lib/net/pinned-pool";
import { isDocumentedApiUrl } from "./api-hosts";
import { CUSTOM_HOSTS_VARIABLE, customVendorHosts, isCustomVendorHost } from "./custom-hosts";
import { VENDOR_DESCRIPTORS } from "./descriptors";
import { egressFetch } from "./egress-proxy-fetch";
import type { FetchLike } from "./http-deps";

// The fetch of every vendor call: the last check before a secret leaves the process. A vendor's
// documented API host goes out through the egress fetch (proxy-aware, pooled); a custom host
// named by TRUSTDECK_CUSTOM_VENDOR_HOSTS goes through the outbound guard (lib/net), which pins
// the checked address and never follows a redirect (a listed loopback sandbox passes only
// because it is listed); any other host is refused before a connection is made. On both paths
// reads may reuse kept-alive connections and every write opens its own (one rule:
// lib/net/connection-reuse.ts). Connections are checked per vendor when saved
// (lib/connections/destination-policy.ts); this is the backstop for rows that were changed
// outside the application or a setting that was withdrawn.

/** Every vendor's documented API host patterns, a {field} placeholder standing for any label. */
const DOCUMENTED = Object.values(VENDOR_DESCRIPTORS).flatMap((descriptor) => descriptor.apiHosts);

/** Vendor answers are small JSON documents; this bounds what a custom host can make us buffer. */
const CUSTOM_HOST_MAX_BYTES = 16 * 1024 * 1024;
/** An outer bound only: the vendor HTTP client aborts each attempt at its own timeout. */
const CUSTOM_HOST_TIMEOUT_MS = 120_000;

export interface VendorFetchOptions {
  env?: () => Readonly<Record<string, string | undefined>>;
  /** The fetch for documented hosts (the egress fetch). */
  documented?: FetchLike;
  /** DNS for custom hosts (tests). */
  resolve?: Resolver;
  /** Kept-alive connections for custom hosts' reads (tests pass their own to close them). */
  pools?: PinnedPools;
}

export function createVendorFetch(options: VendorFetchOptions = {}): FetchLike {
  const env = options.env ?? (() => process.env);
  const documented = options.documented ?? egressFetch;
  const pools = options.pools ?? new PinnedPools();
  // The guarded fetch of the allow-list in force, made again only when the setting changes.
  let guard: { allow: AllowList; fetch: FetchLike } | undefined;
  const guardedFor = (allow: AllowList): FetchLike => {
    if (guard?.allow !== allow) {
      const fetch = createGuardedFetch(
        { allow, allowVariable: CUSTOM_HOSTS_VARIABLE, httpWhenAllowed: true, resolve: options.resolve },
        { timeoutMs: CUSTOM_HOST_TIMEOUT_MS, maxBytes: CUSTOM_HOST_MAX_BYTES },
        pools,
      );
      guard = { allow, fetch };
    }
    return guard.fetch;
  };
  return async (input, init) => {
    const raw = input instanceof Request ? input.url : String(input);
    if (!URL.canParse(raw)) throw new OutboundRefusedError(`${raw} is not a full URL, so nothing was sent`);
    const url = new URL(raw);
    const allow = customVendorHosts(env());
    if (isCustomVendorHost(url, allow)) return guardedFor(allow)(input, init);
    if (isDocumentedApiUrl(url, DOCUMENTED)) return documented(input, init);
    throw new OutboundRefusedError(
      `${url.host} is neither a documented vendor API host nor named in ${CUSTOM_HOSTS_VARIABLE}, so nothing was sent`,
    );
  };
}

/** The fetch of every vendor call of this process. */
export const vendorFetch: FetchLike = createVendorFetch();
