import "server-only";
import { request as httpRequest, type IncomingHttpHeaders, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { ResolvedAddress } from "./outbound-guard";

// One HTTP(S) exchange with an address that already passed the outbound guard: the socket
// connects to that address whatever DNS says by now (no rebinding between check and connect),
// redirects are answered as they are and never followed, the whole exchange has one deadline
// (a slow-drip server cannot hold a request open) and the body has a size cap.

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
}

export type PinnedResponse =
  | { ok: true; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { ok: false; error: NodeJS.ErrnoException };

/** Error codes of this module, besides Node's own (ECONNREFUSED, CERT_HAS_EXPIRED...). */
export const TIMEOUT_CODE = "timeout";
export const TOO_LARGE_CODE = "too-large";

/** Send one request to the pinned address. Never throws; never follows a redirect. */
export function pinnedRequest(options: PinnedRequest): Promise<PinnedResponse> {
  const { url, pinned } = options;
  const lookup: LookupFunction = (_host, lookupOptions, callback) => {
    if (lookupOptions.all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const https = url.protocol === "https:";
  const requestOptions: RequestOptions & { servername?: string; ca?: string[] } = {
    method: options.method,
    hostname,
    port: url.port || (https ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    headers: options.headers,
    agent: false,
    lookup,
    ...(https && !isIP(hostname) ? { servername: hostname.replace(/\.$/, "") } : {}),
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
