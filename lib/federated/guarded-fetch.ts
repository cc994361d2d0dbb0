import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { request, type RequestOptions } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isAllowed, nonPublicRange, type AllowList } from "./address-guard";

// One GET of a small JSON document over TLS, for the issuer preflight: a total deadline, a size
// cap, no redirects, and a connection pinned to the address that passed the guard (a second DNS
// answer cannot swap in an internal address between the check and the connect).

/** Limits and trust for guarded fetches. `ca` replaces Node's trust store (tests only). */
export interface GuardedFetchOptions {
  allow: AllowList;
  timeoutMs: number;
  maxBytes: number;
  ca?: string[];
  /** The env variable that holds the allow-list, named in refusals. */
  allowVariable?: string;
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
}

export type FetchJsonResult = { ok: true; value: unknown } | { ok: false; message: string };
type GetResult = FetchJsonResult | { ok: false; message: string; connectFailed: true };

const CONNECT_FAILURES = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);

type Address = { address: string; family: number };

const TLS_CODES: Record<string, string> = {
  CERT_HAS_EXPIRED: "its certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "its certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "its certificate chain ends in an untrusted self-signed root",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    "its certificate is not signed by a trusted CA (or the chain is incomplete)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "its certificate's issuing CA is not trusted by this server",
  ERR_TLS_CERT_ALTNAME_INVALID: "its certificate is not valid for this host name",
};

async function resolveHost(host: string, options: GuardedFetchOptions): Promise<Address[] | string> {
  const family = isIP(host);
  if (family) return [{ address: host, family }];
  try {
    const found = await (options.resolve ?? ((h: string) => dnsLookup(h, { all: true, verbatim: true })))(
      host,
    );
    return found.length ? found : `${host} has no address (DNS).`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOTFOUND"
      ? `${host} does not resolve (DNS: no such host).`
      : `${host} could not be resolved (DNS: ${code ?? "error"}).`;
  }
}

function describeError(error: NodeJS.ErrnoException, url: URL, options: GuardedFetchOptions): string {
  const host = url.host;
  if (error.code === "timeout") return `${host} did not answer within ${options.timeoutMs / 1000} s.`;
  if (error.code === "too-large")
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

function get(url: URL, pinned: Address, options: GuardedFetchOptions): Promise<GetResult> {
  // Whatever the caller asks for, connect to the address that passed the guard.
  const lookup: LookupFunction = (_host, lookupOptions, callback) => {
    if (lookupOptions.all) (callback as unknown as (e: null, a: Address[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const requestOptions: RequestOptions = {
    method: "GET",
    hostname,
    port: url.port || 443,
    path: `${url.pathname}${url.search}`,
    headers: { accept: "application/json", "user-agent": "Trustdeck issuer preflight" },
    agent: false,
    lookup,
    ...(isIP(hostname) ? {} : { servername: hostname }),
    ...(options.ca ? { ca: options.ca } : {}),
  };
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: GetResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const fail = (code: "timeout" | "too-large") => req.destroy(Object.assign(new Error(code), { code }));
    const req = request(requestOptions, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        return settle({
          ok: false,
          message: `${url.href} answered HTTP ${status}, a redirect${res.headers.location ? ` to ${res.headers.location}` : ""}; the document must be served at this exact URL.`,
        });
      }
      if (status !== 200) {
        res.resume();
        return settle({ ok: false, message: `${url.href} answered HTTP ${status}.` });
      }
      if (Number(res.headers["content-length"] ?? 0) > options.maxBytes) return fail("too-large");
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) fail("too-large");
        else chunks.push(chunk);
      });
      res.on("end", () => {
        try {
          settle({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
        } catch {
          settle({ ok: false, message: `${url.href} did not answer with JSON.` });
        }
      });
      res.on("error", (error: NodeJS.ErrnoException) =>
        settle({ ok: false, message: describeError(error, url, options) }),
      );
    });
    // A total deadline, not a socket idle timeout: a slow-drip server must not hold a save open.
    const timer = setTimeout(() => fail("timeout"), options.timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => {
      const message = describeError(error, url, options);
      settle(
        error.code && CONNECT_FAILURES.has(error.code)
          ? { ok: false, message, connectFailed: true }
          : { ok: false, message },
      );
    });
    req.end();
  });
}

/** GETs a JSON document over HTTPS, refusing non-public addresses that the allow-list does not name. */
export async function fetchJson(url: URL, options: GuardedFetchOptions): Promise<FetchJsonResult> {
  if (url.protocol !== "https:") return { ok: false, message: `${url.href} is not an https:// URL.` };
  if (url.username || url.password)
    return { ok: false, message: "The URL contains a user name or password; remove them." };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = await resolveHost(host, options);
  if (typeof addresses === "string") return { ok: false, message: addresses };
  const port = Number(url.port || 443);
  for (const { address } of addresses) {
    const range = nonPublicRange(address);
    if (range && !isAllowed(options.allow, host, port, address)) {
      const variable = options.allowVariable ?? "the preflight allow-list";
      return {
        ok: false,
        message: `${host} resolves to ${address} (${range}); Trustdeck does not fetch from non-public addresses unless ${variable} names the host.`,
      };
    }
  }
  // Like a browser, try the next address when one refuses (localhost is often ::1 and 127.0.0.1).
  let result: GetResult = { ok: false, message: `${host} has no address.` };
  for (const address of addresses) {
    result = await get(url, address, options);
    if (result.ok || !("connectFailed" in result)) break;
  }
  if (result.ok) return result;
  return { ok: false, message: result.message };
}
