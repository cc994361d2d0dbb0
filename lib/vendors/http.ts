import "server-only";

import type { ZodType } from "zod";

import type { Vendor } from "@/lib/connections/schemas";
import type { VendorError } from "./errors";
import {
  errorFromResponse,
  errorFromTransport,
  errorFromUnreadable,
  type ClassifyContext,
} from "./http-classify";
import { admitRequest } from "./http-budget";
import { resolveHttpDeps, type HttpDeps, type HttpDepsInput } from "./http-deps";
import { countRateLimitWait, countVendorRequest, observeVendorCall } from "./http-metrics";
import {
  displayUrl,
  formBody,
  isRead,
  type BodyCallSpec,
  type CallSpec,
  type ErrorDetails,
  type HttpMethod,
  type HttpRequest,
  type OutgoingRequest,
  type OutputOf,
  type OutputSpec,
  type RequestSummary,
} from "./http-request";
import { expectJson, type RawResponse, type ResponseReader } from "./http-response";
import { backoffDelayMs, parseRetryAfter } from "./http-retry";
import { AttemptTimeout, classifyTransportError } from "./http-transport";
import { parseInput } from "./parse-input";
import { readScopeSignal, unlessAbandoned } from "./read-scope";
import type { RateBucket } from "./rate-budget-limiter";

export { resolveHttpDeps, type FetchLike, type HttpDeps, type HttpDepsInput } from "./http-deps";
export {
  displayUrl,
  type CallSpec,
  type ErrorDetails,
  type HttpMethod,
  type HttpRequest,
  type OutgoingRequest,
  type RequestSummary,
} from "./http-request";

/**
 * The one HTTP path for every vendor call: a timeout per attempt, retries for reads only (with
 * backoff honouring Retry-After), error normalisation into `VendorError`, zod-checked input and
 * output. Vendor clients call the verbs (`get`, `post`, `put`, `patch`, `delete`) and provide the
 * vendor's auth (called per attempt, so signatures and tokens are fresh) and error envelope.
 */
export abstract class VendorHttpClient {
  abstract readonly vendor: Vendor;
  protected readonly deps: HttpDeps;

  constructor(deps: HttpDepsInput = {}) {
    this.deps = resolveHttpDeps(deps);
  }

  /** Where relative call paths start, e.g. `https://cloud.uipath.com`. */
  protected abstract apiBase(): string;

  /** Headers that authenticate one attempt. */
  protected abstract buildAuthHeaders(request: OutgoingRequest): Promise<Record<string, string>>;

  /** Reads the vendor's error envelope and request id. */
  protected abstract describeError(raw: RawResponse, request: RequestSummary): ErrorDetails;

  /** The connection's secrets, scrubbed from anything a vendor echoes back. */
  protected abstract secrets(): readonly (string | undefined)[];

  /**
   * The rate-budget windows one request draws from (the vendor's limits for this account; see
   * `rate-budget.ts` in the vendor's folder). None by default.
   */
  protected rateBuckets(_request: Pick<HttpRequest<unknown>, "method" | "operation">): readonly RateBucket[] {
    return [];
  }

  /** The connection this client acts for: its live-read cache is dropped on every write. */
  protected connectionId(): string | undefined {
    return undefined;
  }

  /** Headers every call sends (Huawei signs a Content-Type even on bodiless calls). */
  protected defaultHeaders(hasBody: boolean): Record<string, string> {
    return hasBody
      ? { accept: "application/json", "content-type": "application/json" }
      : { accept: "application/json" };
  }

  /**
   * Called once per request after a 401. Return true after refreshing credentials (a token, a
   * clock offset) to send the request once more; a 401 means the vendor did not act on it, so
   * this is safe for writes too.
   */
  protected async recoverFromAuthFailure(_error: VendorError, _raw: RawResponse): Promise<boolean> {
    return false;
  }

  /**
   * Called with the final error of a request the vendor refused, before it is thrown: a client
   * may ask the vendor more (e.g. Cloudflare's token check) to tell an expired token from a
   * missing permission or another account. Returns the error to throw.
   */
  protected async diagnose(error: VendorError, _request: RequestSummary): Promise<VendorError> {
    return error;
  }

  protected get<O extends OutputSpec>(spec: CallSpec<O>): Promise<OutputOf<O>> {
    return this.call("GET", spec);
  }

  protected post<I extends ZodType, O extends OutputSpec>(spec: BodyCallSpec<I, O>): Promise<OutputOf<O>> {
    return this.call("POST", spec);
  }

  protected put<I extends ZodType, O extends OutputSpec>(spec: BodyCallSpec<I, O>): Promise<OutputOf<O>> {
    return this.call("PUT", spec);
  }

  protected patch<I extends ZodType, O extends OutputSpec>(spec: BodyCallSpec<I, O>): Promise<OutputOf<O>> {
    return this.call("PATCH", spec);
  }

  protected delete<O extends OutputSpec>(spec: CallSpec<O>): Promise<OutputOf<O>> {
    return this.call("DELETE", spec);
  }

  /**
   * One call: the input is checked against its schema (nothing is sent if it fails), the body
   * serialised, and the 2xx answer read with the output schema.
   */
  protected async call<I extends ZodType, O extends OutputSpec>(
    method: HttpMethod,
    spec: BodyCallSpec<I, O>,
  ): Promise<OutputOf<O>> {
    const { path, output, input, headers, ...rest } = spec;
    const url = path instanceof URL ? path : new URL(`${this.apiBase()}${path}`);
    let body: string | undefined;
    if (input) {
      const value = parseInput(input.schema, input.value, this.vendor, spec.operation);
      body = input.encoding === "form" ? formBody(value) : JSON.stringify(value);
    }
    const formHeaders: Record<string, string> =
      input?.encoding === "form" ? { "content-type": "application/x-www-form-urlencoded" } : {};
    const read = (typeof output === "function" ? output : expectJson(output)) as ResponseReader<OutputOf<O>>;
    return this.send({
      ...rest,
      method,
      url,
      body,
      headers: { ...this.defaultHeaders(body !== undefined), ...formHeaders, ...headers },
      read,
    });
  }

  /**
   * Sends a request through the rate budget, the retry and error policy and returns the parsed
   * 2xx body. Every attempt is counted by outcome; the whole call's duration is observed.
   */
  protected async send<T>(request: HttpRequest<T>): Promise<T> {
    const startedAt = performance.now();
    // A write makes what is known about its connection stale, from its start to its end.
    const written = isRead(request) ? undefined : this.connectionId();
    if (written) this.deps.readCache.invalidate(written);
    try {
      return await this.sendWithRetries(request);
    } finally {
      if (written) this.deps.readCache.invalidate(written);
      observeVendorCall(this.vendor, request.operation, (performance.now() - startedAt) / 1000);
    }
  }

  private async sendWithRetries<T>(request: HttpRequest<T>): Promise<T> {
    const buckets = this.rateBuckets(request);
    const count = (outcome: string, status?: number) =>
      countVendorRequest(this.vendor, request.operation, outcome, status);
    const policy = this.deps.retry;
    const started = this.deps.now();
    const mayRetry = (error: VendorError, attempt: number, delayMs: number) =>
      isRead(request) &&
      error.retryable &&
      attempt < policy.maxAttempts &&
      this.deps.now() - started + delayMs < policy.maxTotalMs;
    let authRecovered = false;
    // A read whose answer is no longer used stops wherever it is (lib/vendors/read-scope.ts).
    const abandoned = isRead(request) ? readScopeSignal() : undefined;
    for (let attempt = 1; ; attempt++) {
      await admitRequest(this.vendor, this.deps, buckets, request, abandoned);
      const outcome = await this.attempt(request, attempt, abandoned);
      abandoned?.throwIfAborted();
      if ("failure" in outcome) {
        count(outcome.failure.kind);
        const delay = backoffDelayMs(attempt, policy, this.deps.random);
        if (!mayRetry(outcome.failure, attempt, delay))
          throw attempt > 1 ? outcome.failure.with({ attempts: attempt }) : outcome.failure;
        await unlessAbandoned(this.deps.sleep(delay), abandoned);
        continue;
      }
      const raw = outcome.raw;
      if (raw.status >= 200 && raw.status < 300) return this.read(request, raw);

      const error = errorFromResponse(this.classifyContext(), request, raw);
      count(error.kind, raw.status);
      if (raw.status === 401 && !authRecovered && request.authenticate !== false) {
        authRecovered = true;
        if (await this.recoverFromAuthFailure(error, raw)) {
          attempt--;
          continue;
        }
      }
      const retryAfter = parseRetryAfter(raw.headers, this.deps.now());
      // The vendor's own word on when this account may send again holds for every request of it.
      if (retryAfter !== undefined && raw.status === 429)
        this.deps.limiter.holdFor(
          buckets.map((b) => b.key),
          retryAfter,
        );
      const delay = retryAfter ?? backoffDelayMs(attempt, policy, this.deps.random);
      if (
        !mayRetry(error, attempt, delay) ||
        (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs)
      )
        throw request.diagnose === false ? error : await this.diagnose(error, request);
      if (retryAfter !== undefined) countRateLimitWait(this.vendor, "retry-after", delay);
      await unlessAbandoned(this.deps.sleep(delay), abandoned);
    }
  }

  private async attempt<T>(
    request: HttpRequest<T>,
    attempt: number,
    abandoned: AbortSignal | undefined,
  ): Promise<{ raw: RawResponse } | { failure: VendorError }> {
    // Credentials first, outside the timer: a token request has its own timeout and retries.
    const headers = await this.headersFor(request, attempt);
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new AttemptTimeout(this.deps.timeoutMs)),
      this.deps.timeoutMs,
    );
    const sentAt = performance.now();
    const signal = abandoned ? AbortSignal.any([controller.signal, abandoned]) : controller.signal;
    try {
      // Never follow redirects with credentials attached; a redirect means a wrong base URL.
      const response = await this.deps.fetch(request.url, {
        method: request.method,
        headers,
        body: request.body,
        signal,
        redirect: "manual",
      });
      const text = await response.text();
      return {
        raw: { status: response.status, headers: response.headers, text, url: displayUrl(request.url) },
      };
    } catch (error) {
      const failure = classifyTransportError(
        error,
        controller.signal,
        Math.round(performance.now() - sentAt),
      );
      return { failure: errorFromTransport(this.vendor, request, failure, error) };
    } finally {
      clearTimeout(timer);
    }
  }

  private async headersFor<T>(request: HttpRequest<T>, attempt: number): Promise<Record<string, string>> {
    const headers = { ...request.headers };
    if (request.authenticate === false) return headers;
    const { method, url, body } = request;
    return { ...headers, ...(await this.buildAuthHeaders({ method, url, headers, body, attempt })) };
  }

  private read<T>(request: HttpRequest<T>, raw: RawResponse): T {
    const result = request.read(raw);
    const error = result.ok ? undefined : errorFromUnreadable(this.classifyContext(), request, raw, result);
    countVendorRequest(this.vendor, request.operation, error?.kind ?? "ok", raw.status);
    if (result.ok) return result.value;
    throw error;
  }

  private classifyContext(): ClassifyContext {
    return {
      vendor: this.vendor,
      secrets: [...this.secrets()],
      now: this.deps.now(),
      describeError: (raw, request) => this.describeError(raw, request),
    };
  }
}
