import "server-only";
import { guardOutboundUrl, type OutboundPolicy } from "./outbound-guard";
import { pinnedRequest } from "./pinned-request";

// The outbound guard in the shape of `fetch`, for clients that take a fetch function (the vendor
// HTTP client's `deps.fetch`): a connection whose base URL is custom goes through the same checks
// as issuer discovery and webhooks. A refusal throws before any connection is made.

export type GuardedFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Raised when the guard refuses a URL; its message says why and which setting would allow it. */
export class OutboundRefusedError extends Error {
  override readonly name = "OutboundRefusedError";
}

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/** A fetch that checks every URL with the guard and connects only to the checked address. */
export function createGuardedFetch(
  policy: OutboundPolicy,
  limits: { timeoutMs: number; maxBytes: number },
): GuardedFetch {
  return async (input, init = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    const decision = await guardOutboundUrl(url, policy);
    if (!decision.ok) throw new OutboundRefusedError(decision.message);
    const method = (init.method ?? "GET").toUpperCase();
    if (!METHODS.has(method)) throw new OutboundRefusedError(`Method ${method} is not supported here.`);
    if (init.body !== undefined && init.body !== null && typeof init.body !== "string")
      throw new OutboundRefusedError("Only string bodies are supported here.");
    const response = await pinnedRequest({
      url: decision.url,
      pinned: decision.addresses[0]!,
      method: method as "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: init.body ?? undefined,
      timeoutMs: limits.timeoutMs,
      maxBytes: limits.maxBytes,
      signal: init.signal ?? undefined,
    });
    if (!response.ok) throw response.error;
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers))
      for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
        headers.append(name, one);
    // Redirects come back as they are (status and Location), never followed.
    const noBody = response.status === 204 || response.status === 304 || method === "HEAD";
    return new Response(noBody ? null : new Uint8Array(response.body), { status: response.status, headers });
  };
}
