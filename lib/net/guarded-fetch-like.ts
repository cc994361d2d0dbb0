import "server-only";
import { egressProxySettings, proxyFor } from "./egress-proxy";
import { mayReuseConnection } from "./connection-reuse";
import { guardOutboundUrl, type OutboundPolicy } from "./outbound-guard";
import { NULL_BODY_STATUSES, pooledRequest, type PinnedPools, type PooledResponse } from "./pinned-pool";
import { pinnedRequest, type PinnedRequest, type PinnedResponse } from "./pinned-request";

// The outbound guard in the shape of `fetch`, for clients that take a fetch function (the vendor
// HTTP client's `deps.fetch`): a connection whose base URL is custom goes through the same checks
// as issuer discovery and webhooks. A refusal throws before any connection is made.

export type GuardedFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Raised when the guard refuses a URL; its message says why and which setting would allow it. */
export class OutboundRefusedError extends Error {
  override readonly name = "OutboundRefusedError";
}

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/**
 * A fetch that checks every URL with the guard and connects only to the checked address. With
 * `pools`, a read sent directly (no egress proxy) reuses a kept-alive connection to that same
 * address (lib/net/pinned-pool.ts); every other request gets a connection of its own, so a write
 * never rides a socket the server may be closing (lib/net/connection-reuse.ts).
 */
export function createGuardedFetch(
  policy: OutboundPolicy,
  limits: { timeoutMs: number; maxBytes: number },
  pools?: PinnedPools,
): GuardedFetch {
  return async (input, init = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    const decision = await guardOutboundUrl(url, policy);
    if (!decision.ok) throw new OutboundRefusedError(decision.message);
    const method = (init.method ?? "GET").toUpperCase();
    if (!METHODS.has(method)) throw new OutboundRefusedError(`Method ${method} is not supported here.`);
    if (init.body !== undefined && init.body !== null && typeof init.body !== "string")
      throw new OutboundRefusedError("Only string bodies are supported here.");
    const request: PinnedRequest = {
      url: decision.url,
      pinned: decision.addresses[0]!,
      method: method as PinnedRequest["method"],
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: init.body ?? undefined,
      timeoutMs: limits.timeoutMs,
      maxBytes: limits.maxBytes,
      signal: init.signal ?? undefined,
    };
    const proxy = proxyFor(decision.url, egressProxySettings(process.env));
    const response =
      pools && mayReuseConnection(method) && !proxy
        ? await pooledRequest(pools, request)
        : await pinnedRequest({ ...request, proxy });
    return toResponse(response);
  };
}

function toResponse(response: PinnedResponse | PooledResponse): Response {
  if (!response.ok) throw response.error;
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers))
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, one);
  // Redirects come back as they are (status and Location), never followed.
  const { body, status } = response;
  const bytes = Buffer.isBuffer(body)
    ? new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength)
    : body;
  return new Response(NULL_BODY_STATUSES.has(status) ? null : bytes, { status, headers });
}
