import "server-only";

import type { Vendor } from "@/lib/connections/schemas";
import { VendorError, redactSecrets, type VendorErrorInit, type VendorErrorKind } from "./errors";
import {
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
} from "./http-retry";
import type { RawResponse, ResponseReader } from "./http-response";
import { AttemptTimeout, classifyTransportError } from "./http-transport";

/** The `fetch` signature we depend on (also what the Cloudflare SDK accepts). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Everything a vendor client needs from its environment; tests inject fakes. */
export interface HttpDeps {
  fetch: FetchLike;
  /** Wall clock in epoch ms: Retry-After dates, token expiry, Huawei's X-Sdk-Date. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): backoff jitter. */
  random: () => number;
  /** Per attempt, covering the response body as well as the status line. */
  timeoutMs: number;
  retry: RetryPolicy;
}

/** What callers may override; anything left out is the real thing. */
export type HttpDepsInput = Partial<Omit<HttpDeps, "retry">> & { retry?: Partial<RetryPolicy> };

/** Partial deps with the real ones filled in. */
export function resolveHttpDeps(deps: HttpDepsInput = {}): HttpDeps {
  return {
    fetch: deps.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    now: deps.now ?? Date.now,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: deps.random ?? Math.random,
    timeoutMs: deps.timeoutMs ?? 15_000,
    retry: { ...DEFAULT_RETRY_POLICY, ...deps.retry },
  };
}

/** The methods vendor calls use; only GET is retried by default. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One logical vendor call. Reads (GET, or `idempotent: true`) may be attempted several times. */
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
  /**
   * Sends one attempt in place of the default `fetch` (used to drive the Cloudflare SDK).
   * It must honour `signal` and resolve with the response, whatever its status.
   */
  transport?: (signal: AbortSignal) => Promise<Response>;
  /** Credentials carried by this request only (a client secret, a JWT assertion), scrubbed from errors. */
  secrets?: readonly string[];
  /** Replaces the client's `describeError` for this call (e.g. OAuth errors at a token endpoint). */
  describeError?: (raw: RawResponse, request: RequestSummary) => ErrorDetails;
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

/**
 * The one HTTP path for every vendor call: a timeout per attempt, retries for reads only, error
 * normalisation into `VendorError`, zod-validated responses. Subclasses provide the vendor's
 * auth (called per attempt, so signatures and tokens are fresh) and error envelope.
 */
export abstract class VendorHttpClient {
  abstract readonly vendor: Vendor;
  protected readonly deps: HttpDeps;

  constructor(deps: HttpDepsInput = {}) {
    this.deps = resolveHttpDeps(deps);
  }

  /** Headers that authenticate one attempt. */
  protected abstract buildAuthHeaders(request: OutgoingRequest): Promise<Record<string, string>>;

  /** Reads the vendor's error envelope and request id. */
  protected abstract describeError(raw: RawResponse, request: RequestSummary): ErrorDetails;

  /** The connection's secrets, scrubbed from anything a vendor echoes back. */
  protected abstract secrets(): readonly (string | undefined)[];

  /**
   * Called once per request after a 401. Return true after refreshing credentials (a token, a
   * clock offset) to send the request once more; a 401 means the vendor did not act on it, so
   * this is safe for writes too.
   */
  protected async recoverFromAuthFailure(_error: VendorError, _raw: RawResponse): Promise<boolean> {
    return false;
  }

  /** Sends a request through the retry and error policy and returns the parsed 2xx body. */
  protected async send<T>(request: HttpRequest<T>): Promise<T> {
    const isRead = request.method === "GET" || request.idempotent === true;
    const policy = this.deps.retry;
    const started = this.deps.now();
    const mayRetry = (error: VendorError, attempt: number, delayMs: number) =>
      isRead &&
      error.retryable &&
      attempt < policy.maxAttempts &&
      this.deps.now() - started + delayMs < policy.maxTotalMs;
    let authRecovered = false;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(request, attempt);
      if ("failure" in outcome) {
        const delay = backoffDelayMs(attempt, policy, this.deps.random);
        if (!mayRetry(outcome.failure, attempt, delay)) throw outcome.failure;
        await this.deps.sleep(delay);
        continue;
      }
      const raw = outcome.raw;
      if (raw.status >= 200 && raw.status < 300) return this.read(request, raw, isRead);

      const error = this.errorFromResponse(request, raw);
      if (raw.status === 401 && !authRecovered && request.authenticate !== false) {
        authRecovered = true;
        if (await this.recoverFromAuthFailure(error, raw)) {
          attempt--;
          continue;
        }
      }
      const retryAfter = parseRetryAfter(raw.headers, this.deps.now());
      const delay = retryAfter ?? backoffDelayMs(attempt, policy, this.deps.random);
      if (
        !mayRetry(error, attempt, delay) ||
        (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs)
      )
        throw error;
      await this.deps.sleep(delay);
    }
  }

  private async attempt<T>(
    request: HttpRequest<T>,
    attempt: number,
  ): Promise<{ raw: RawResponse } | { failure: VendorError }> {
    // Credentials first, outside the timer: a token request has its own timeout and retries.
    const headers = request.transport ? {} : await this.headersFor(request, attempt);
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new AttemptTimeout(this.deps.timeoutMs)),
      this.deps.timeoutMs,
    );
    try {
      const response = request.transport
        ? await request.transport(controller.signal)
        : // Never follow redirects with credentials attached; a redirect means a wrong base URL.
          await this.deps.fetch(request.url, {
            method: request.method,
            headers,
            body: request.body,
            signal: controller.signal,
            redirect: "manual",
          });
      const text = await response.text();
      return {
        raw: { status: response.status, headers: response.headers, text, url: displayUrl(request.url) },
      };
    } catch (error) {
      return { failure: this.transportError(request, error, controller.signal) };
    } finally {
      clearTimeout(timer);
    }
  }

  private async headersFor<T>(request: HttpRequest<T>, attempt: number): Promise<Record<string, string>> {
    const headers = { ...request.headers };
    if (request.authenticate === false) return headers;
    return {
      ...headers,
      ...(await this.buildAuthHeaders({
        method: request.method,
        url: request.url,
        headers,
        body: request.body,
        attempt,
      })),
    };
  }

  private transportError<T>(request: HttpRequest<T>, error: unknown, signal: AbortSignal): VendorError {
    const failure = classifyTransportError(error, signal);
    const isWrite = !(request.method === "GET" || request.idempotent === true);
    const ambiguous = isWrite && failure.maybeSent;
    return new VendorError({
      ...this.base(request),
      kind: ambiguous ? "ambiguous-write" : failure.kind,
      vendorMessage: failure.reason,
      retryable: ambiguous ? false : failure.kind !== "tls",
      outcome: isWrite && !failure.maybeSent ? "not-applied" : ambiguous ? "unknown" : undefined,
      cause: error,
    });
  }

  private errorFromResponse<T>(request: HttpRequest<T>, raw: RawResponse): VendorError {
    if (raw.status >= 300 && raw.status < 400) {
      return new VendorError({
        ...this.base(request),
        kind: "malformed-response",
        status: raw.status,
        vendorMessage: `redirected to ${raw.headers.get("location") ?? "another address"}`,
        retryable: false,
      });
    }
    const details = (
      request.describeError ?? ((r: RawResponse, q: RequestSummary) => this.describeError(r, q))
    )(raw, request);
    const kind =
      details.kind ?? STATUS_KINDS[raw.status] ?? (raw.status >= 500 ? "unavailable" : "validation");
    const secrets = [...this.secrets(), ...(request.secrets ?? [])];
    const retryAfter = parseRetryAfter(raw.headers, this.deps.now());
    return new VendorError({
      ...this.base(request),
      kind,
      status: raw.status,
      vendorCode: details.vendorCode,
      vendorMessage: details.vendorMessage && redactSecrets(details.vendorMessage, secrets).slice(0, 1000),
      requestId: details.requestId,
      fieldErrors: details.fieldErrors && redactFieldErrors(details.fieldErrors, secrets),
      userMessage: details.userMessage && redactSecrets(details.userMessage, secrets),
      retryable: details.retryable ?? isRetryableStatus(raw.status),
      retryAfterSeconds: retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000),
      outcome: request.method === "GET" || request.idempotent ? undefined : "not-applied",
    });
  }

  private read<T>(request: HttpRequest<T>, raw: RawResponse, isRead: boolean): T {
    const result = request.read(raw);
    if (result.ok) return result.value;
    throw new VendorError({
      ...this.base(request),
      kind: "malformed-response",
      status: raw.status,
      requestId: this.describeError(raw, request).requestId,
      vendorMessage: `${raw.url} ${result.problem}`,
      // A 2xx to a write means the vendor acted; only its answer is unreadable.
      outcome: isRead ? undefined : "applied",
      retryable: false,
    });
  }

  private base<T>(request: HttpRequest<T>): Pick<VendorErrorInit, "vendor" | "operation" | "method" | "url"> {
    return {
      vendor: this.vendor,
      operation: request.operation,
      method: request.method,
      url: displayUrl(request.url),
    };
  }
}

/** The URL as shown in errors: origin and path, never the query string. */
export function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
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
