import type { IncomingHttpHeaders } from "node:http";

/** A simulated service: a registered vendor's name (sandbox/vendors.ts), or `issuers`. */
export type ServiceName = string;

/** One parsed request as handlers see it. The raw body is kept for signature checks. */
export interface RequestContext {
  service: ServiceName;
  method: string;
  /** Path as received, without the query string (still percent-encoded). */
  rawPath: string;
  /** Decoded path. */
  path: string;
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Route parameters, decoded. */
  params: Record<string, string>;
  /** The vendor-shaped request id (cf-ray, X-Request-Id, traceId). */
  requestId: string;
  /** Sandbox time at arrival. */
  now: Date;
}

/** A response, built by handlers and written (or withheld) by the server layer. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A route handler. */
export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;
