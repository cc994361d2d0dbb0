import "server-only";

import type { Vendor } from "@/lib/connections/schemas";
import { VendorError, redactSecrets, type VendorErrorInit, type VendorErrorKind } from "./errors";
import { displayUrl, isRead, type ErrorDetails, type HttpRequest, type RequestSummary } from "./http-request";
import type { RawResponse } from "./http-response";
import { isRetryableStatus, parseRetryAfter } from "./http-retry";
import type { TransportFailure } from "./http-transport";

// Turns what happened to one request into a VendorError: what the UI tells apart, and for a
// write, whether it certainly did not happen (`outcome: "not-applied"`) or may have (`ambiguous`).

const STATUS_KINDS: Record<number, VendorErrorKind> = {
  400: "validation",
  401: "auth",
  403: "permission",
  404: "not-found",
  408: "timeout",
  409: "validation",
  410: "not-found",
  422: "validation",
  429: "rate-limited",
};

/** The vendor and what it knows about its own error envelope. */
export interface ClassifyContext {
  vendor: Vendor;
  secrets: readonly (string | undefined)[];
  now: number;
  describeError: (raw: RawResponse, request: RequestSummary) => ErrorDetails;
}

/** No whole answer: refused, cut, timed out, TLS. A write is ambiguous once it may have been sent. */
export function errorFromTransport(
  vendor: Vendor,
  request: HttpRequest<unknown>,
  failure: TransportFailure,
  cause: unknown,
): VendorError {
  const write = !isRead(request);
  const ambiguous = write && failure.maybeSent;
  return new VendorError({
    ...base(vendor, request),
    kind: ambiguous ? "ambiguous-write" : failure.kind,
    vendorMessage: failure.reason,
    waitedMs: failure.kind === "timeout" ? failure.waitedMs : undefined,
    retryable: ambiguous ? false : failure.kind !== "tls",
    outcome: write ? (ambiguous ? "unknown" : "not-applied") : undefined,
    ambiguous,
    cause,
  });
}

/** A status outside 2xx: the vendor answered and, for a write, did not act on it. */
export function errorFromResponse(
  context: ClassifyContext,
  request: HttpRequest<unknown>,
  raw: RawResponse,
): VendorError {
  const outcome = isRead(request) ? undefined : ("not-applied" as const);
  if (raw.status >= 300 && raw.status < 400) {
    return new VendorError({
      ...base(context.vendor, request),
      kind: "wrong-base-url",
      status: raw.status,
      vendorMessage: `redirected to ${raw.headers.get("location") ?? "another address"}`,
      retryable: false,
      outcome,
    });
  }
  const details = (request.describeError ?? context.describeError)(raw, request);
  const kind = details.kind ?? STATUS_KINDS[raw.status] ?? (raw.status >= 500 ? "unavailable" : "validation");
  const secrets = [...context.secrets, ...(request.secrets ?? [])];
  const retryAfter = parseRetryAfter(raw.headers, context.now);
  return new VendorError({
    ...base(context.vendor, request),
    kind,
    status: raw.status,
    vendorCode: details.vendorCode,
    vendorMessage: details.vendorMessage && redactSecrets(details.vendorMessage, secrets).slice(0, 1000),
    requestId: details.requestId,
    fieldErrors: details.fieldErrors && redactFieldErrors(details.fieldErrors, secrets),
    userMessage: details.userMessage && redactSecrets(details.userMessage, secrets),
    retryable: details.retryable ?? isRetryableStatus(raw.status),
    retryAfterSeconds: retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000),
    outcome,
  });
}

/**
 * A 2xx whose body is not what the endpoint documents. A web page means a wrong base URL; any
 * other mismatch is a malformed answer, and for a write an ambiguous one: the vendor may have acted.
 */
export function errorFromUnreadable(
  context: ClassifyContext,
  request: HttpRequest<unknown>,
  raw: RawResponse,
  problem: { problem: string; webPage?: boolean },
): VendorError {
  const write = !isRead(request);
  return new VendorError({
    ...base(context.vendor, request),
    kind: problem.webPage ? "wrong-base-url" : "malformed-response",
    status: raw.status,
    requestId: context.describeError(raw, request).requestId,
    vendorMessage: `${raw.url} ${problem.problem}`,
    outcome: write ? "unknown" : undefined,
    ambiguous: write,
    retryable: false,
  });
}

function base(
  vendor: Vendor,
  request: Pick<HttpRequest<unknown>, "operation" | "method" | "url">,
): Pick<VendorErrorInit, "vendor" | "operation" | "method" | "url"> {
  return { vendor, operation: request.operation, method: request.method, url: displayUrl(request.url) };
}

function redactFieldErrors(
  fieldErrors: Record<string, string[]>,
  secrets: readonly (string | undefined)[],
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [
      field,
      messages.map((m) => redactSecrets(m, secrets)),
    ]),
  );
}
