import "server-only";

import type { ZodType, z } from "zod";

import type { VendorErrorKind } from "./errors";
import type { RawResponse, ResponseReader } from "./http-response";

/** The methods vendor calls use; only GET is retried by default. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One logical vendor call as the HTTP path sends it. Reads (GET, or `idempotent`) may be repeated. */
export interface HttpRequest<T> {
  /** A verb phrase for messages: "list SAML certificate sets". */
  operation: string;
  method: HttpMethod;
  url: URL;
  headers?: Record<string, string>;
  /** The exact body bytes (Huawei signs them), already serialised. */
  body?: string;
  read: ResponseReader<T>;
  /** Marks a POST as safe to repeat (an OAuth token request). Never set it on a state change. */
  idempotent?: boolean;
  /** False for requests that carry their own credentials (token endpoint). */
  authenticate?: boolean;
  /** The permission or scope the call needs, named in the message of a 403. */
  requires?: string;
  /** Credentials carried by this request only (a client secret, a JWT assertion), scrubbed from errors. */
  secrets?: readonly string[];
  /** Replaces the client's `describeError` for this call (e.g. OAuth errors at a token endpoint). */
  describeError?: (raw: RawResponse, request: RequestSummary) => ErrorDetails;
  /** False for the calls a client makes to explain another failure (no diagnosis of a diagnosis). */
  diagnose?: boolean;
}

/** What error descriptions may know about the request: never its headers or body. */
export type RequestSummary = Pick<HttpRequest<unknown>, "operation" | "method" | "url" | "requires">;

/** What a vendor can tell about an error response beyond its status. */
export interface ErrorDetails {
  kind?: VendorErrorKind;
  vendorCode?: string;
  vendorMessage?: string;
  requestId?: string;
  fieldErrors?: Record<string, string[]>;
  userMessage?: string;
  retryable?: boolean;
}

/** A request in the form `buildAuthHeaders` sees it: enough to sign it. */
export interface OutgoingRequest {
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  body: string | undefined;
  /** 1 for the first attempt; signers must sign every attempt afresh. */
  attempt: number;
}

/** What a call expects back: a zod schema of a JSON body, or a reader (text, empty body). */
export type OutputSpec = ZodType | ResponseReader<unknown>;

/** The value a call resolves with, from its output spec. */
export type OutputOf<O extends OutputSpec> = O extends ZodType
  ? z.output<O>
  : O extends ResponseReader<infer T>
    ? T
    : never;

/** One vendor call as a vendor client writes it: the endpoint, its schemas, its needs. */
export interface CallSpec<O extends OutputSpec> extends Omit<
  HttpRequest<unknown>,
  "method" | "url" | "body" | "read" | "headers"
> {
  /** Appended to the client's API base; or a full URL (a token endpoint on another path). */
  path: string | URL;
  output: O;
  headers?: Record<string, string>;
}

/** A call that sends a body: the value is checked against the input schema before anything is sent. */
export interface BodyCallSpec<I extends ZodType, O extends OutputSpec> extends CallSpec<O> {
  input?: { schema: I; value: z.input<I>; encoding?: "json" | "form" };
}

/** True for calls that may be repeated without changing anything at the vendor. */
export function isRead(request: Pick<HttpRequest<unknown>, "method" | "idempotent">): boolean {
  return request.method === "GET" || request.idempotent === true;
}

/** The URL as shown in errors: origin and path, never the query string. */
export function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** An `application/x-www-form-urlencoded` body from a flat object (an OAuth token request). */
export function formBody(value: unknown): string {
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}
