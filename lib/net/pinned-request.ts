import "server-only";
import { request as httpRequest, type IncomingHttpHeaders, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction, type Socket } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { egressProxySettings, proxyFor } from "./egress-proxy";
import type { ResolvedAddress } from "./outbound-guard";
import { openProxyTunnel } from "./proxy-tunnel";

// One HTTP(S) exchange with an address that already passed the outbound guard: the socket
// connects to that address whatever DNS says by now (no rebinding between check and connect),
// redirects are answered as they are and never followed, the whole exchange has one deadline
// (a slow-drip server cannot hold a request open) and the body has a size cap. Through an
// egress proxy (HTTPS_PROXY / HTTP_PROXY, NO_PROXY) the exchange runs in a CONNECT tunnel to the
// checked address itself, so the guard still decides where the request goes.

export interface PinnedRequest {
  url: URL;
  pinned: ResolvedAddress;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBytes: number;
  /** Replaces Node's trust store (tests only). */
  ca?: string[];
  /** Aborts the exchange; the error is the signal's reason. */
  signal?: AbortSignal;
  /** The egress proxy; by default the one the environment names for this URL (none: direct). */
  proxy?: URL | null;
}

export type PinnedResponse =
  | { ok: true; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { ok: false; error: NodeJS.ErrnoException };

/** Error codes of this module, besides Node's own (ECONNREFUSED, CERT_HAS_EXPIRED...). */
export const TIMEOUT_CODE = "timeout";
export const TOO_LARGE_CODE = "too-large";

/** Send one request to the pinned address. Never throws; never follows a redirect. */
export async function pinnedRequest(options: PinnedRequest): Promise<PinnedResponse> {
  const proxy =
    options.proxy === undefined ? proxyFor(options.url, egressProxySettings(process.env)) : options.proxy;
  if (!proxy) return exchange(options);
  const deadline = AbortSignal.any([
    AbortSignal.timeout(options.timeoutMs),
    ...(options.signal ? [options.signal] : []),
  ]);
  const port = options.url.port || (options.url.protocol === "https:" ? 443 : 80);
  const target = `${options.pinned.family === 6 ? `[${options.pinned.address}]` : options.pinned.address}:${port}`;
  try {
    return await exchange(options, await openProxyTunnel(proxy, target, deadline));
  } catch (error) {
    const reason =
      deadline.aborted && !options.signal?.aborted
        ? Object.assign(new Error(TIMEOUT_CODE), { code: TIMEOUT_CODE })
        : error;
    return { ok: false, error: reason as NodeJS.ErrnoException };
  }
}

/** A DNS lookup that answers `pinned` whatever the name: the socket goes where the guard checked. */
export function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_host, lookupOptions, callback) => {
    if (lookupOptions.all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

function exchange(options: PinnedRequest, tunnel?: Socket): Promise<PinnedResponse> {
  const { url, pinned } = options;
  const lookup = pinnedLookup(pinned);
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const https = url.protocol === "https:";
  const servername = https && !isIP(hostname) ? hostname.replace(/\.$/, "") : undefined;
  const requestOptions: RequestOptions & { servername?: string; ca?: string[] } = {
    method: options.method,
    hostname,
    port: url.port || (https ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    headers: options.headers,
    ...(tunnel
      ? // The tunnel is the connection: TLS (with the real host name for SNI and the certificate check) runs inside it.
        {
          agent: undefined,
          createConnection: () =>
            https
              ? tlsConnect({
                  socket: tunnel,
                  host: hostname,
                  ...(servername ? { servername } : {}),
                  ...(options.ca ? { ca: options.ca } : {}),
                })
              : tunnel,
        }
      : { agent: false, lookup }),
    ...(servername ? { servername } : {}),
    ...(https && options.ca ? { ca: options.ca } : {}),
  };
  const send = https ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: PinnedResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const fail = (code: string) => req.destroy(Object.assign(new Error(code), { code }));
    const req = send(requestOptions, (res) => {
      if (Number(res.headers["content-length"] ?? 0) > options.maxBytes) return fail(TOO_LARGE_CODE);
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) fail(TOO_LARGE_CODE);
        else chunks.push(chunk);
      });
      res.on("end", () =>
        settle({ ok: true, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", (error: NodeJS.ErrnoException) => settle({ ok: false, error }));
    });
    const timer = setTimeout(() => fail(TIMEOUT_CODE), options.timeoutMs);
    const abort = () => req.destroy(options.signal?.reason as Error);
    if (options.signal?.aborted) abort();
    else options.signal?.addEventListener("abort", abort, { once: true });
    req.on("error", (error: NodeJS.ErrnoException) => settle({ ok: false, error }));
    req.end(options.body);
  });
}
