import "server-only";
import type { AllowList } from "@/lib/net/allow-list";
import { guardOutboundUrl, type Resolver } from "@/lib/net/outbound-guard";
import { pinnedRequest, TIMEOUT_CODE, TOO_LARGE_CODE, type PinnedResponse } from "@/lib/net/pinned-request";

// One GET of a small JSON document over TLS, for the issuer preflight, through the outbound
// guard: a total deadline, a size cap, no redirects, and a connection pinned to the address that
// passed the guard.

/** Limits and trust for guarded fetches. `ca` replaces Node's trust store (tests only). */
export interface GuardedFetchOptions {
  allow: AllowList;
  timeoutMs: number;
  maxBytes: number;
  ca?: string[];
  /** The env variable that holds the allow-list, named in refusals. */
  allowVariable?: string;
  resolve?: Resolver;
}

export type FetchJsonResult = { ok: true; value: unknown } | { ok: false; message: string };

const CONNECT_FAILURES = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);

const TLS_CODES: Record<string, string> = {
  CERT_HAS_EXPIRED: "its certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "its certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "its certificate chain ends in an untrusted self-signed root",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    "its certificate is not signed by a trusted CA (or the chain is incomplete)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "its certificate's issuing CA is not trusted by this server",
  ERR_TLS_CERT_ALTNAME_INVALID: "its certificate is not valid for this host name",
};

function describeError(error: NodeJS.ErrnoException, url: URL, options: GuardedFetchOptions): string {
  const host = url.host;
  if (error.code === TIMEOUT_CODE) return `${host} did not answer within ${options.timeoutMs / 1000} s.`;
  if (error.code === TOO_LARGE_CODE)
    return `${url.href} is larger than ${Math.round(options.maxBytes / 1024)} KB, too large for this document.`;
  if (error.code === "ECONNREFUSED") return `${host} refused the connection (nothing listens there).`;
  if (error.code === "ECONNRESET") return `${host} closed the connection before answering.`;
  if (error.code === "EHOSTUNREACH" || error.code === "ENETUNREACH")
    return `${host} is unreachable from this server (no route).`;
  if (error.code === "ETIMEDOUT") return `The connection to ${host} timed out.`;
  if (error.code && TLS_CODES[error.code])
    return `The TLS connection to ${host} failed: ${TLS_CODES[error.code]}.`;
  if (error.code === "EPROTO" || /SSL|TLS/i.test(error.message))
    return `The TLS connection to ${host} failed: ${error.message}.`;
  return `${host} could not be reached (${error.code ?? error.message}).`;
}

function toResult(response: PinnedResponse, url: URL, options: GuardedFetchOptions): FetchJsonResult {
  if (!response.ok) return { ok: false, message: describeError(response.error, url, options) };
  const { status, headers } = response;
  if (status >= 300 && status < 400)
    return {
      ok: false,
      message: `${url.href} answered HTTP ${status}, a redirect${headers.location ? ` to ${headers.location}` : ""}; the document must be served at this exact URL.`,
    };
  if (status !== 200) return { ok: false, message: `${url.href} answered HTTP ${status}.` };
  try {
    return { ok: true, value: JSON.parse(response.body.toString("utf8")) };
  } catch {
    return { ok: false, message: `${url.href} did not answer with JSON.` };
  }
}

/** GETs a JSON document over HTTPS, refusing non-public addresses that the allow-list does not name. */
export async function fetchJson(url: URL, options: GuardedFetchOptions): Promise<FetchJsonResult> {
  const decision = await guardOutboundUrl(url, {
    allow: options.allow,
    allowVariable: options.allowVariable ?? "the preflight allow-list",
    resolve: options.resolve,
  });
  if (!decision.ok) return { ok: false, message: decision.message };
  // Like a browser, try the next address when one refuses (localhost is often ::1 and 127.0.0.1).
  let result: FetchJsonResult = { ok: false, message: `${decision.host} has no address.` };
  for (const pinned of decision.addresses) {
    const response = await pinnedRequest({
      url,
      pinned,
      method: "GET",
      headers: { accept: "application/json", "user-agent": "Trustdeck issuer preflight" },
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
      ca: options.ca,
    });
    result = toResult(response, url, options);
    if (response.ok || !CONNECT_FAILURES.has(response.error.code ?? "")) break;
  }
  return result;
}
